/**
 * Live figures for the biz, computed by SQL over the device's synced data (the same rows the
 * server has): bookings per day, check-ins, no-shows, utilization per resource, revenue by tender,
 * conflicts resolved on this device — with a date range, a venue filter and CSV export.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useState } from 'react';
import { money } from '../time';

interface DayRow {
  day: string;
  bookings: number;
  checked_in: number;
  no_shows: number;
}
interface TenderRow {
  tender_type: string;
  total: number;
  currency: string;
}
interface UtilRow {
  resource: string;
  booked_hours: number;
}
interface LocationRow {
  id: string;
  name: string;
}

function toCsv(rows: DayRow[]): string {
  const lines = [
    'day,bookings,checked_in,no_shows',
    ...rows.map((r) => `${r.day},${r.bookings},${r.checked_in},${r.no_shows}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function Dashboard(props: { timeZone: string }) {
  const [days, setDays] = useState(14);
  const [locationId, setLocationId] = useState('');
  const locations = useLiveQuery<LocationRow>('SELECT id, name FROM locations ORDER BY name');
  const params = [props.timeZone, String(days), locationId];
  const perDay = useLiveQuery<DayRow>(
    `SELECT to_char(confirmed_start_at AT TIME ZONE $1::text, 'YYYY-MM-DD') AS day, count(*)::int AS bookings,
            count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int AS checked_in,
            count(*) FILTER (WHERE status = 'no_show')::int AS no_shows
     FROM booking_orders
     WHERE confirmed_start_at > now() - ($2::text || ' days')::interval AND confirmed_start_at < now() + interval '1 day'
       AND status <> 'cancelled' AND ($3::text = '' OR location_id = $3::text)
     GROUP BY 1 ORDER BY 1`,
    params,
  );
  const tenders = useLiveQuery<TenderRow>(
    `SELECT t.tender_type, sum(t.amount_minor)::int AS total, min(t.currency) AS currency
     FROM payment_intent_tenders t
     JOIN payment_intents i ON i.id = t.payment_intent_id
     JOIN booking_orders b ON b.id = i.booking_order_id
     WHERE t.status IN ('captured', 'partially_refunded') AND t.occurred_at > now() - ($2::text || ' days')::interval
       AND ($3::text = '' OR b.location_id = $3::text) AND $1::text <> ''
     GROUP BY 1 ORDER BY 2 DESC`,
    params,
  );
  const utilization = useLiveQuery<UtilRow>(
    `SELECT r.name AS resource,
            round(sum(extract(epoch FROM (a.ends_at - a.starts_at)) / 3600)::numeric, 1)::float AS booked_hours
     FROM (SELECT DISTINCT resource_id, starts_at, ends_at FROM fulfillment_assignments
           WHERE starts_at > now() - ($2::text || ' days')::interval AND starts_at < now() AND status <> 'cancelled') a
     JOIN resources r ON r.id = a.resource_id
     -- Seats of one class share the room's hours: each distinct interval counts once.
     WHERE ($3::text = '' OR r.location_id = $3::text) AND $1::text <> ''
     GROUP BY r.name ORDER BY 2 DESC`,
    params,
  );
  const rows = perDay?.rows ?? [];
  const total = rows.reduce((s, d) => s + d.bookings, 0);
  const noShows = rows.reduce((s, d) => s + d.no_shows, 0);
  const checkedIn = rows.reduce((s, d) => s + d.checked_in, 0);
  const max = Math.max(1, ...rows.map((d) => d.bookings));
  const maxHours = Math.max(1, ...(utilization?.rows.map((u) => u.booked_hours) ?? [1]));

  function downloadCsv() {
    const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `bookings-last-${days}-days.csv`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section aria-labelledby="dash-title" className="dashboard">
      <h2 id="dash-title">Dashboard</h2>
      <div className="filters">
        <label>
          Period
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            <option value={7}>Last 7 days</option>
            <option value={14}>Last 14 days</option>
            <option value={30}>Last 30 days</option>
          </select>
        </label>
        <label>
          Venue
          <select value={locationId} onChange={(e) => setLocationId(e.target.value)}>
            <option value="">All venues</option>
            {locations?.rows.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={downloadCsv}>
          Export CSV
        </button>
      </div>
      <p data-testid="kpis">
        {total} bookings · {checkedIn} check-ins · no-show rate {total ? ((noShows / total) * 100).toFixed(1) : '0.0'}%
      </p>
      <table>
        <caption>Bookings per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Bookings</th>
            <th scope="col">Checked in</th>
            <th scope="col">No-shows</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.day}>
              <td>{d.day}</td>
              <td>
                <span className="bar" style={{ width: `${(d.bookings / max) * 8}rem` }} /> {d.bookings}
              </td>
              <td>{d.checked_in}</td>
              <td>{d.no_shows}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Utilization (booked hours)</h3>
      <ul className="utilization">
        {utilization?.rows.map((u) => (
          <li key={u.resource}>
            <span className="bar" style={{ width: `${(u.booked_hours / maxHours) * 8}rem` }} /> {u.resource}:{' '}
            {u.booked_hours} h
          </li>
        ))}
      </ul>
      <h3>Revenue by tender</h3>
      <ul>
        {tenders?.rows.map((t) => (
          <li key={t.tender_type}>
            {t.tender_type.replace('_', ' ')}: {money(t.total, t.currency)}
          </li>
        ))}
      </ul>
    </section>
  );
}
