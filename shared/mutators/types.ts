/**
 * The mutator contract. A mutator is a named, validated, pure function over a small SQL
 * transaction interface: the client runs it optimistically against PGlite (its writes land in the
 * pending overlay), the server runs the same code inside one Postgres transaction and adds the
 * checks only it can make (`ctx.env === 'server'`). Side effects (Stripe, mail) are never run here:
 * they are queued with `ctx.afterCommit` and run by the server once the transaction committed.
 */
import type { z } from 'zod';
import type { Action, Role } from '../permissions';

/** The part of pg's PoolClient and PGlite's transaction both offer. */
export interface SqlTx {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface MutatorActor {
  userId: string;
  bizId: string;
  memberId: string;
  role: Role;
  /** The device (`client_id`) that made the change. */
  deviceId: string;
}

export interface MutatorContext {
  tx: SqlTx;
  env: 'client' | 'server';
  actor: MutatorActor;
  /** Server: the commit's time. Client: the device clock (recorded, never trusted for ordering). */
  now: Date;
  /** Server only: run after the transaction commits (idempotent, keyed by the mutation). */
  afterCommit(effect: () => Promise<void>): void;
}

export interface Mutator<S extends z.ZodType = z.ZodType> {
  name: string;
  /** The permission-matrix action the actor's role needs. */
  action: Action;
  args: S;
  run(ctx: MutatorContext, args: z.output<S>): Promise<unknown>;
  /**
   * Server only, optional: applies several mutations of this kind at once, in fewer and larger
   * statements. It must leave exactly what `run` on each of them, in order, would leave. When it cannot
   * promise that (one would be refused, or they would interact), it returns false or throws, having
   * perhaps written some rows: the runner rolls the transaction back and runs them one by one.
   */
  runMany?(ctx: Omit<MutatorContext, 'actor'>, items: { actor: MutatorActor; args: z.output<S> }[]): Promise<boolean>;
}

export function defineMutator<S extends z.ZodType>(m: Mutator<S>): Mutator<S> {
  return m;
}
