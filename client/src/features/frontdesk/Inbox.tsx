/**
 * The conflict inbox: every change the server refused, and every booking of this desk a manager
 * gave to someone else, with the reason in plain words and what can be done instead (another
 * time, another resource), until a person resolves it. Resolutions are mutations themselves.
 */
import { useCallback, useEffect, useState } from 'react';
import { alternatives } from '../../../../shared/availability';
import { loadAvailability } from '../../../../shared/availability/load';
import { ERRORS, isErrorCode } from '../../../../shared/errors';
import { newId } from '../../../../shared/ids';
import type { SqlTx } from '../../../../shared/mutators/types';
import { useStore } from '../../db/StoreProvider';
import type { OutboxRow } from '../../db/store';
import { timeLabel } from '../time';
import { useMutate } from '../useMutate';

interface AltSlot {
  start: string;
  end: string;
  resources: { componentId: string; name: string; resourceIds: string[] }[];
}
interface Details {
  alternatives?: { slots: AltSlot[] };
  conflictingBookingIds?: string[];
}

const LABELS: Record<string, string> = {
  'bookings.create': 'Booking',
  'bookings.checkIn': 'Check-in',
  'bookings.cancel': 'Cancellation',
  'bookings.noShow': 'No-show',
  'bookings.takeOver': 'Take-over',
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

/** The same booking at another time (fresh ids: the refused one never existed on the server). */
function rebook(args: Record<string, unknown>, slot: AltSlot) {
  return {
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
  };
}

export function Inbox(props: { timeZone: string; canTakeOver: boolean }) {
  const { store, state } = useStore();
  const { mutate, error } = useMutate();
  const [rows, setRows] = useState<OutboxRow[]>([]);
  const [taken, setTaken] = useState<{ row: OutboxRow; reason: string; slots: AltSlot[] }[]>([]);
  const refresh = useCallback(() => {
    void store.inbox().then(setRows);
    void store.takenOver().then(async (list) => {
      const withAlts = [];
      for (const row of list) {
        const args = row.args as { offerVersionId: string; startsAt: string };
        const wanted = new Date(args.startsAt);
        const data = await loadAvailability(store.pg as unknown as SqlTx, store.bizId, args.offerVersionId, {
          start: new Date(wanted.getTime() - 14 * 86_400_000),
          end: new Date(wanted.getTime() + 14 * 86_400_000),
        });
        const alt = data ? alternatives({ ...data, now: new Date() }, wanted, 3) : { slots: [] };
        withAlts.push({
          row,
          reason: row.cancel_reason.replace(/^Taken over:\s*/, ''),
          slots: alt.slots.map((s) => ({
            start: s.start,
            end: s.end,
            resources: s.components.map((c) => ({ componentId: c.componentId, name: c.name, resourceIds: c.assigned })),
          })),
        });
      }
      setTaken(withAlts);
    });
  }, [store]);
  // Re-read whenever the number of conflicts changes.
  const count = state.rejected;
  useEffect(() => {
    if (count >= 0) refresh();
  }, [refresh, count]);

  async function bookAlternative(row: OutboxRow, slot: AltSlot, takenOver = false) {
    const ok = await mutate('bookings.create', rebook(row.args as Record<string, unknown>, slot));
    if (ok && takenOver) await store.acknowledge(row.mutation_id, `rebooked at ${slot.start}`);
    else if (ok) await store.resolve(row.mutation_id, { action: 'alternative' });
    refresh();
  }

  async function retry(row: OutboxRow) {
    const ok = await mutate(row.name, row.args);
    if (ok) await store.resolve(row.mutation_id, { action: 'retried' });
    refresh();
  }

  async function takeOver(row: OutboxRow, winnerBookingId: string) {
    const reason = window.prompt(
      'Why give this slot to this booking? (the other desk will see it)',
      'Priority customer',
    );
    if (!reason) return;
    const ok = await mutate('bookings.takeOver', { winnerBookingId, reason, booking: row.args });
    if (ok) await store.resolve(row.mutation_id, { action: 'retried', reason: `took over ${winnerBookingId}` });
    refresh();
  }

  async function discard(row: OutboxRow) {
    const reason = window.prompt('Why discard this change? (kept in the audit trail)', 'Customer chose not to book');
    if (reason === null) return;
    await store.resolve(row.mutation_id, { action: 'discard', reason });
    refresh();
  }

  const slotButtons = (slots: AltSlot[], onPick: (s: AltSlot) => void) =>
    slots.length > 0 && (
      <fieldset className="alternatives">
        <legend>Alternatives</legend>
        {slots.map((s) => (
          <button type="button" key={s.start} onClick={() => onPick(s)}>
            Book {new Date(s.start).toLocaleDateString(undefined, { weekday: 'short', timeZone: props.timeZone })}{' '}
            {timeLabel(s.start, props.timeZone)} instead
          </button>
        ))}
      </fieldset>
    );

  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <h2 id="inbox-title">Conflicts to resolve</h2>
      {rows.length + taken.length === 0 && <p>Nothing to resolve. Every change made on this device was accepted.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {rows.map((row) => {
          const details = row.error?.details as Details | undefined;
          const winner = details?.conflictingBookingIds?.[0];
          return (
            <li key={row.mutation_id} data-testid="inbox-item">
              <p>{sentence(row)}</p>
              <p className="muted">
                Made {new Date(row.device_time).toLocaleString()}
                {row.offline ? ' while offline' : ''}.
              </p>
              {slotButtons(details?.alternatives?.slots ?? [], (s) => void bookAlternative(row, s))}
              <button type="button" onClick={() => void retry(row)}>
                Retry
              </button>
              {props.canTakeOver && row.name === 'bookings.create' && winner && (
                <button type="button" onClick={() => void takeOver(row, winner)}>
                  Take the slot over
                </button>
              )}
              <button type="button" onClick={() => void discard(row)}>
                Discard
              </button>
            </li>
          );
        })}
        {taken.map(({ row, reason, slots }) => (
          <li key={`taken-${row.mutation_id}`} data-testid="inbox-item">
            <p>
              Booking for {String(row.args.customerName ?? 'a customer')} was given to another booking by a manager:{' '}
              {reason}
            </p>
            {slotButtons(slots, (s) => void bookAlternative(row, s, true))}
            <button
              type="button"
              onClick={() => void store.acknowledge(row.mutation_id, 'customer informed').then(refresh)}
            >
              Customer informed
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
