/**
 * Resolving a conflict is itself a mutation, so the decision (discard with a reason, or replaced by
 * another booking) reaches the server's audit trail next to the rejection it answers.
 */
import { z } from 'zod';
import { notFound } from '../errors';
import { text } from './args';
import { defineMutator } from './types';

export const resolveConflict = defineMutator({
  name: 'conflicts.resolve',
  action: 'conflicts.resolve',
  args: z.strictObject({
    mutationId: z.number().int().positive(),
    action: z.enum(['discard', 'alternative', 'retried']),
    reason: text(500).optional(),
    /** The mutation that replaced it, when the desk chose an alternative. */
    replacedBy: z.number().int().positive().optional(),
  }),
  async run({ tx, actor, env }, a) {
    if (env !== 'server') return null;
    const { rows } = await tx.query(
      "SELECT 1 FROM client_mutations WHERE client_id = $1 AND mutation_id = $2 AND status = 'rejected'",
      [actor.deviceId, a.mutationId],
    );
    if (rows.length === 0) throw notFound('Rejected change');
    return null;
  },
});
