/**
 * The walk-in queue at the front desk: take a ticket with a name, call the next person (with who
 * serves them), start, finish or mark as left — all on the device's own data, so it works offline
 * and merges with other desks when back online. Each waiting ticket shows an explained estimate.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useState } from 'react';
import { Temporal } from 'temporal-polyfill';
import { newId } from '../../../../shared/ids';
import { predictWait } from '../../../../shared/queue-prediction';
import { timeLabel } from '../time';
import { useMutate } from '../useMutate';

export interface TicketRow {
  id: string;
  ticket_number: number;
  customer_name: string | null;
  status: 'waiting' | 'called' | 'serving' | 'done' | 'left';
  issued_at: string;
  called_at: string | null;
  assigned_resource_id: string | null;
  resource: string | null;
}

export const TICKETS_SQL = `
  SELECT t.id, t.ticket_number, t.customer_name, t.status, t.issued_at, t.called_at, t.assigned_resource_id,
         r.name AS resource
  FROM queue_tickets t LEFT JOIN resources r ON r.id = t.assigned_resource_id
  WHERE t.queue_id = $1 AND t.service_date = $2::date AND t.deleted_at IS NULL
  ORDER BY t.issued_at, t.ticket_number, t.id`;

export const OBSERVATIONS_SQL = `
  SELECT duration_sec FROM service_time_observations WHERE queue_id = $1 ORDER BY observed_at DESC LIMIT 20`;

/** The business-local day a ticket number belongs to. */
export function serviceDay(timeZone: string): string {
  return Temporal.Now.plainDateISO(timeZone).toString();
}

/** Estimates for waiting tickets, in queue order, from the same pure function the server uses. */
export function estimates(
  tickets: readonly TicketRow[],
  observationsSec: readonly number[],
  fallbackServiceMin: number | null,
) {
  const staff = new Set(
    tickets
      .filter((t) => ['called', 'serving', 'done'].includes(t.status) && t.assigned_resource_id)
      .map((t) => t.assigned_resource_id),
  ).size;
  const waiting = tickets.filter((t) => t.status === 'waiting');
  return new Map(
    waiting.map((t, position) => [
      t.id,
      predictWait({ observationsSec, position, staffOnShift: Math.max(1, staff), fallbackServiceMin }),
    ]),
  );
}

export function QueueDesk(props: { timeZone: string }) {
  const { mutate, error } = useMutate();
  const day = serviceDay(props.timeZone);
  const queues = useLiveQuery<{ id: string; name: string; avg_service_min: number | null; location_id: string }>(
    "SELECT id, name, avg_service_min, location_id FROM queues WHERE status = 'active' AND deleted_at IS NULL ORDER BY name",
  );
  const [chosen, setChosen] = useState('');
  const queue = queues?.rows.find((q) => q.id === chosen) ?? queues?.rows[0];
  const queueId = queue?.id ?? '';
  const tickets = useLiveQuery<TicketRow>(TICKETS_SQL, [queueId, day]);
  const observations = useLiveQuery<{ duration_sec: number }>(OBSERVATIONS_SQL, [queueId]);
  const staff = useLiveQuery<{ id: string; name: string }>(
    `SELECT id, name FROM resources WHERE is_active AND deleted_at IS NULL AND type IN ('host', 'venue')
       AND (location_id IS NULL OR location_id = $1) ORDER BY name`,
    [queue?.location_id ?? ''],
  );
  const [name, setName] = useState('');
  const [resourceId, setResourceId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const rows = tickets?.rows ?? [];
  const obs = (observations?.rows ?? []).map((r) => Number(r.duration_sec));
  const est = estimates(rows, obs, queue?.avg_service_min ?? null);
  const waiting = rows.filter((t) => t.status === 'waiting');
  const active = rows.filter((t) => t.status === 'called' || t.status === 'serving');
  const event = () => ({ eventId: newId('queue_events'), deviceTime: new Date().toISOString() });

  async function issue() {
    if (!queueId) return;
    const next = rows.reduce((m, t) => Math.max(m, Number(t.ticket_number)), 0) + 1;
    const who = name.trim();
    const ok = await mutate('queue.issueTicket', {
      id: newId('queue_tickets'),
      queueId,
      serviceDate: day,
      ticketNumber: next,
      ...(who ? { customerName: who } : {}),
      ...event(),
    });
    if (ok) {
      setNotice(`Ticket ${next}${who ? ` for ${who}` : ''}.`);
      setName('');
    }
  }

  async function callNext() {
    const head = waiting[0];
    if (!head) return;
    const ok = await mutate('queue.callNext', {
      queueId,
      serviceDate: day,
      ticketId: head.id,
      ...(resourceId ? { resourceId } : {}),
      ...event(),
    });
    if (ok) setNotice(`Calling ${head.ticket_number}${head.customer_name ? ` (${head.customer_name})` : ''}.`);
  }

  const act = (name: string, t: TicketRow, extra: Record<string, unknown> = {}) =>
    mutate(name, { ticketId: t.id, ...event(), ...extra });

  if (!queues) return <p>Loading queues…</p>;
  if (!queue) return <p>No walk-in queue is set up for this business.</p>;
  return (
    <section aria-labelledby="queue-title" className="queue-desk">
      <h2 id="queue-title">Walk-in queue</h2>
      {queues.rows.length > 1 && (
        <label>
          Queue
          <select value={queueId} onChange={(e) => setChosen(e.target.value)}>
            {queues.rows.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void issue();
        }}
      >
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Walk-in" />
        </label>
        <button type="submit">Issue ticket</button>
      </form>
      <div className="queue-call">
        <label>
          Served by
          <select value={resourceId} onChange={(e) => setResourceId(e.target.value)}>
            <option value="">Anyone</option>
            {staff?.rows.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={waiting.length === 0} onClick={() => void callNext()}>
          Call next{waiting[0] ? ` (${waiting[0].ticket_number})` : ''}
        </button>
      </div>
      <h3>Now ({active.length})</h3>
      <ul className="tickets">
        {active.map((t) => (
          <li key={t.id}>
            <strong>{t.ticket_number}</strong> {t.customer_name ?? 'Walk-in'} · {t.status}
            {t.resource ? ` · ${t.resource}` : ''}
            {t.called_at ? ` · called ${timeLabel(t.called_at, props.timeZone)}` : ''}
            {t.status === 'called' && (
              <>
                <button type="button" onClick={() => void act('queue.call', t)}>
                  Call again
                </button>
                <button type="button" onClick={() => void act('queue.startServing', t)}>
                  Start
                </button>
                <button type="button" onClick={() => void act('queue.leave', t)}>
                  Left
                </button>
              </>
            )}
            {t.status === 'serving' && (
              <button
                type="button"
                onClick={() => void act('queue.complete', t, { observationId: newId('service_time_observations') })}
              >
                Done
              </button>
            )}
          </li>
        ))}
      </ul>
      <h3>Waiting ({waiting.length})</h3>
      <ol className="tickets">
        {waiting.map((t) => {
          const e = est.get(t.id);
          return (
            <li key={t.id}>
              <strong>{t.ticket_number}</strong> {t.customer_name ?? 'Walk-in'} · since{' '}
              {timeLabel(t.issued_at, props.timeZone)}
              {e && <span title={e.explanation}> · ~{e.minutes} min</span>}
              <button type="button" onClick={() => void act('queue.call', t, resourceId ? { resourceId } : {})}>
                Call
              </button>
              <button type="button" onClick={() => void act('queue.leave', t)}>
                Left
              </button>
            </li>
          );
        })}
      </ol>
      <p>
        <a href="?display=queue" target="_blank" rel="noreferrer">
          Open the waiting-room display
        </a>
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
