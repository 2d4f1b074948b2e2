/**
 * Live figures for the biz, computed by SQL over the device's synced data: bookings per day,
 * revenue by tender type, no-show rate, check-ins. They update as sync delivers changes.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
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

export function Dashboard(props: { timeZone: string }) {
  const days = useLiveQuery<DayRow>(
    `SELECT to_char(confirmed_start_at AT TIME ZONE $1, 'YYYY-MM-DD') AS day, count(*)::int AS bookings,
            count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int AS checked_in,
            count(*) FILTER (WHERE status = 'no_show')::int AS no_shows
     FROM booking_orders
     WHERE confirmed_start_at > now() - interval '14 days' AND confirmed_start_at < now() + interval '1 day'
       AND status <> 'cancelled'
     GROUP BY 1 ORDER BY 1`,
    [props.timeZone],
  );
  const tenders = useLiveQuery<TenderRow>(
    `SELECT tender_type, sum(amount_minor)::int AS total, min(currency) AS currency
     FROM payment_intent_tenders WHERE status IN ('captured', 'partially_refunded') GROUP BY 1 ORDER BY 2 DESC`,
  );
  const total = days?.rows.reduce((s, d) => s + d.bookings, 0) ?? 0;
  const noShows = days?.rows.reduce((s, d) => s + d.no_shows, 0) ?? 0;
  const max = Math.max(1, ...(days?.rows.map((d) => d.bookings) ?? [1]));
  return (
    <section aria-labelledby="dash-title" className="dashboard">
      <h2 id="dash-title">Last 14 days</h2>
      <p data-testid="kpis">
        {total} bookings · no-show rate {total ? ((noShows / total) * 100).toFixed(1) : '0.0'}%
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Bookings</th>
            <th scope="col">Checked in</th>
            <th scope="col">No-shows</th>
          </tr>
        </thead>
        <tbody>
          {days?.rows.map((d) => (
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
