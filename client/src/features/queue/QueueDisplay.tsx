/**
 * The waiting-room screen (`?display=queue`): the numbers being called now, in large type, and
 * the estimated wait for the next people in line. Live from sync: a desk's call shows up here as
 * soon as it reaches this device.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { estimates, OBSERVATIONS_SQL, serviceDay, TICKETS_SQL, type TicketRow } from './QueueDesk';

function QueueBoard(props: { queue: { id: string; name: string; avg_service_min: number | null }; day: string }) {
  const tickets = useLiveQuery<TicketRow>(TICKETS_SQL, [props.queue.id, props.day]);
  const observations = useLiveQuery<{ duration_sec: number }>(OBSERVATIONS_SQL, [props.queue.id]);
  const rows = tickets?.rows ?? [];
  const est = estimates(
    rows,
    (observations?.rows ?? []).map((r) => Number(r.duration_sec)),
    props.queue.avg_service_min,
  );
  const called = rows
    .filter((t) => t.status === 'called' || t.status === 'serving')
    .sort((a, b) => String(b.called_at ?? '').localeCompare(String(a.called_at ?? '')));
  const waiting = rows.filter((t) => t.status === 'waiting');
  return (
    <section className="queue-board" aria-labelledby={`q-${props.queue.id}`}>
      <h2 id={`q-${props.queue.id}`}>{props.queue.name}</h2>
      <div className="now-calling" aria-live="polite">
        <h3>Now calling</h3>
        {called.length === 0 && <p>—</p>}
        <ul>
          {called.map((t) => (
            <li key={t.id} className={t.status === 'called' ? 'called' : 'serving'} style={{ fontSize: '4rem' }}>
              <strong>{t.ticket_number}</strong>
              {t.resource ? <span style={{ fontSize: '2rem' }}> → {t.resource}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="up-next">
        <h3>Next ({waiting.length} waiting)</h3>
        <ol>
          {waiting.slice(0, 8).map((t) => {
            const e = est.get(t.id);
            return (
              <li key={t.id} style={{ fontSize: '2rem' }}>
                <strong>{t.ticket_number}</strong>
                {e ? ` · about ${e.minutes} min` : ''}
              </li>
            );
          })}
        </ol>
        {waiting[0] && est.get(waiting[waiting.length - 1]!.id) && (
          <p className="explanation">{est.get(waiting[waiting.length - 1]!.id)!.explanation}</p>
        )}
      </div>
    </section>
  );
}

export function QueueDisplay(props: { timeZone: string }) {
  const day = serviceDay(props.timeZone);
  const queues = useLiveQuery<{ id: string; name: string; avg_service_min: number | null }>(
    "SELECT id, name, avg_service_min FROM queues WHERE status = 'active' AND deleted_at IS NULL ORDER BY name",
  );
  return (
    <main className="queue-display" style={{ minHeight: '100vh', padding: '2rem' }}>
      <h1 className="visually-hidden">Queue display</h1>
      {!queues && <p>Connecting…</p>}
      {queues?.rows.map((q) => (
        <QueueBoard key={q.id} queue={q} day={day} />
      ))}
    </main>
  );
}
