/**
 * The conflict inbox: every change the server refused, with the reason in plain words and what can
 * be done instead (another time, another resource), until a person resolves it.
 */
import { useCallback, useEffect, useState } from 'react';
import { ERRORS, isErrorCode } from '../../../../shared/errors';
import { newId } from '../../../../shared/ids';
import { useStore } from '../../db/StoreProvider';
import type { OutboxRow } from '../../db/store';
import { timeLabel } from '../time';
import { useMutate } from '../useMutate';

interface AltSlot {
  start: string;
  end: string;
  resources: { componentId: string; name: string; resourceIds: string[] }[];
}

const LABELS: Record<string, string> = {
  'bookings.create': 'Booking',
  'bookings.checkIn': 'Check-in',
  'bookings.cancel': 'Cancellation',
  'bookings.noShow': 'No-show',
  'payments.recordTender': 'Payment',
  'jobs.checkpoint': 'Job step',
  'notes.add': 'Note',
};

function sentence(row: OutboxRow): string {
  const code = row.error?.code ?? 'internal';
  const base = row.error?.message ?? (isErrorCode(code) ? ERRORS[code].message : 'Refused.');
  const who = typeof row.args.customerName === 'string' ? ` for ${row.args.customerName}` : '';
  return `${LABELS[row.name] ?? row.name}${who}: ${base}`;
}

export function Inbox(props: { timeZone: string }) {
  const { store, state } = useStore();
  const { mutate, error } = useMutate();
  const [rows, setRows] = useState<OutboxRow[]>([]);
  const refresh = useCallback(() => void store.inbox().then(setRows), [store]);
  // Re-read whenever the number of conflicts changes.
  const rejected = state.rejected;
  useEffect(() => {
    if (rejected >= 0) refresh();
  }, [refresh, rejected]);

  async function bookAlternative(row: OutboxRow, slot: AltSlot) {
    const args = row.args as Record<string, unknown>;
    const replacement = await mutate('bookings.create', {
      ...args,
      id: newId('booking_orders'),
      lineId: newId('booking_order_lines'),
      unitId: newId('fulfillment_units'),
      intentId: args.intentId ? newId('payment_intents') : undefined,
      startsAt: slot.start,
      endsAt: slot.end,
      resources: slot.resources.flatMap((c) =>
        c.resourceIds.map((resourceId) => ({
          resourceId,
          role: c.name.toLowerCase(),
          assignmentId: newId('fulfillment_assignments'),
        })),
      ),
    });
    if (replacement) await store.resolve(row.mutation_id, { action: 'alternative' });
    refresh();
  }

  async function discard(row: OutboxRow) {
    const reason = window.prompt('Why discard this change? (kept in the audit trail)', 'Customer chose not to book');
    if (reason === null) return;
    await store.resolve(row.mutation_id, { action: 'discard', reason });
    refresh();
  }

  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <h2 id="inbox-title">Conflicts to resolve</h2>
      {rows.length === 0 && <p>Nothing to resolve. Every change made on this device was accepted.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {rows.map((row) => {
          const alts = (row.error?.details as { alternatives?: { slots: AltSlot[] } } | undefined)?.alternatives;
          return (
            <li key={row.mutation_id} data-testid="inbox-item">
              <p>{sentence(row)}</p>
              <p className="muted">
                Made {new Date(row.device_time).toLocaleString()}
                {row.offline ? ' while offline' : ''}.
              </p>
              {alts && alts.slots.length > 0 && (
                <fieldset className="alternatives">
                  <legend>Alternatives</legend>
                  {alts.slots.map((s) => (
                    <button type="button" key={s.start} onClick={() => void bookAlternative(row, s)}>
                      Book{' '}
                      {new Date(s.start).toLocaleDateString(undefined, { weekday: 'short', timeZone: props.timeZone })}{' '}
                      {timeLabel(s.start, props.timeZone)} instead
                    </button>
                  ))}
                </fieldset>
              )}
              <button type="button" onClick={() => void discard(row)}>
                Discard
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
