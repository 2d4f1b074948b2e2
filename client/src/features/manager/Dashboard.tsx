/**
 * The manager's live figures for the biz: bookings per day, check-ins, no-show rate, utilization per
 * resource, revenue by tender type, queue waits, conflicts resolved and field jobs (completed, in
 * progress, time on job, photos), with a date range and a venue
 * filter, as charts or as tables (CSV export). Computed by shared/reports/dashboard.ts over the
 * device's synced PGlite — the same SQL the server answers `/api/reports/dashboard` with — and
 * recomputed whenever one of the rows it reads changes (sync or a pending change on this device).
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useEffect, useRef, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { SqlTx } from '../../../../shared/mutators/types';
import {
  DashboardQuery,
  type DashboardReport,
  dashboardCsv,
  dashboardParams,
  lastDays,
  runDashboard,
} from '../../../../shared/reports/dashboard';
import { useStore } from '../../db/StoreProvider';
import { money } from '../time';

interface LocationRow {
  id: string;
  name: string;
}

/**
 * Changes whenever a row the figures read changes (new booking, check-in, tender, ticket, resolved
 * conflict, calendar edit): the live query re-runs on those tables and this value moves with it.
 */
const CHANGE_TICK_SQL = `
  SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM booking_orders) AS bookings,
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM fulfillment_assignments) AS assignments,
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM payment_intent_tenders) AS tenders,
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM queue_tickets) AS tickets,
         (SELECT count(*)::text FROM audit_events) AS resolved,
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM availability_rules) AS rules,
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM fulfillment_units) AS units,
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM fulfillment_checkpoints) AS checkpoints,
         (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM fulfillment_photos) AS photos`;

const PALETTE = ['#2e5aac', '#12b76a', '#f79009', '#9e77ed', '#f04438', '#0ba5ec'];
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`);
const tenderLabel = (t: string) => t.replace(/_/g, ' ');

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * The figures for the filter, recomputed on every relevant change; the last good answer stays on
 * screen. Changes arriving while a computation runs are coalesced into one more run, so a burst of
 * synced rows never queues a pile of computations in the database worker.
 */
function useDashboard(timeZone: string, query: DashboardQuery | null) {
  const { store } = useStore();
  const tick = useLiveQuery(CHANGE_TICK_SQL);
  const tickKey = JSON.stringify(tick?.rows ?? null);
  const [report, setReport] = useState<DashboardReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [computedMs, setComputedMs] = useState<number | null>(null);
  const latest = useRef({ timeZone, query });
  latest.current = { timeZone, query };
  const running = useRef<{ again: boolean } | null>(null);
  const key = query ? `${query.from}|${query.to}|${query.locationId ?? ''}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `tickKey` stand for the filter and the data.
  useEffect(() => {
    if (!query || tick === undefined) return;
    if (running.current) {
      running.current.again = true;
      return;
    }
    const state = { again: true };
    running.current = state;
    void (async () => {
      while (state.again) {
        state.again = false;
        const { timeZone: tz, query: q } = latest.current;
        if (!q) break;
        const t0 = performance.now();
        try {
          const r = await runDashboard(store.pg as unknown as SqlTx, dashboardParams(store.bizId, tz, q));
          // Shown at once even if more changes are waiting: it is newer than what is on screen.
          setReport(r);
          setError(null);
          setComputedMs(Math.round(performance.now() - t0));
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }
      running.current = null;
    })();
  }, [store, timeZone, key, tickKey]);
  return { report, error, computedMs };
}

function Kpi(props: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="kpi" data-testid={props.testId}>
      <span className="kpi-value">{props.value}</span>
      <span className="kpi-label">{props.label}</span>
      {props.hint && <span className="muted kpi-hint">{props.hint}</span>}
    </div>
  );
}

function Chart(props: { title: string; description: string; empty: boolean; children: React.ReactElement }) {
  return (
    <figure className="chart" aria-label={props.title}>
      <figcaption>
        <strong>{props.title}</strong> <span className="muted">{props.description}</span>
      </figcaption>
      {props.empty ? (
        <p className="muted">Nothing in this range.</p>
      ) : (
        <ResponsiveContainer width="100%" height={240}>
          {props.children}
        </ResponsiveContainer>
      )}
    </figure>
  );
}

function Charts(props: { r: DashboardReport }) {
  const { r } = props;
  const days = r.days.map((d) => ({ ...d, label: d.day.slice(5) }));
  const util = r.utilization
    .filter((u) => u.pct !== null)
    .map((u) => ({ name: u.name, pct: u.pct, hours: Math.round(u.bookedMin / 6) / 10 }));
  const currencies = [...new Set(r.revenue.map((t) => t.currency))];
  const queues = r.queues.filter((q) => q.avgWaitMin !== null);
  return (
    <div className="charts">
      <Chart title="Bookings per day" description="bookings and check-ins" empty={r.totals.bookings === 0}>
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar dataKey="bookings" name="Bookings" fill={PALETTE[0]} isAnimationActive={false} />
          <Bar dataKey="checkedIn" name="Checked in" fill={PALETTE[1]} isAnimationActive={false} />
          <Bar dataKey="noShows" name="No-shows" fill={PALETTE[4]} isAnimationActive={false} />
        </BarChart>
      </Chart>
      <Chart title="Utilization per resource" description="% of open hours booked" empty={util.length === 0}>
        <BarChart data={util} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" unit="%" fontSize={12} />
          <YAxis type="category" dataKey="name" width={110} fontSize={12} />
          <Tooltip formatter={(v) => `${v}%`} />
          <Bar dataKey="pct" name="Utilization" fill={PALETTE[0]} isAnimationActive={false} />
        </BarChart>
      </Chart>
      {(currencies.length ? currencies : ['']).map((cur) => {
        const rows = r.revenue.filter((t) => t.currency === cur && t.netMinor > 0);
        return (
          <Chart
            key={cur || 'none'}
            title={`Revenue by tender${cur ? ` (${cur})` : ''}`}
            description="collected, net of refunds"
            empty={rows.length === 0}
          >
            <PieChart>
              <Pie
                data={rows.map((t) => ({ name: tenderLabel(t.tenderType), value: t.netMinor }))}
                dataKey="value"
                nameKey="name"
                outerRadius={80}
                label={(e: { name?: string; value?: number }) => `${e.name}: ${money(e.value ?? 0, cur)}`}
                isAnimationActive={false}
              >
                {rows.map((t, i) => (
                  <Cell key={t.tenderType} fill={PALETTE[i % PALETTE.length]} />
                ))}
              </Pie>
              <Tooltip formatter={(v) => money(Number(v), cur)} />
            </PieChart>
          </Chart>
        );
      })}
      <Chart title="Queue waits" description="minutes from ticket to call" empty={queues.length === 0}>
        <BarChart data={queues} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" fontSize={12} />
          <YAxis fontSize={12} unit=" min" />
          <Tooltip />
          <Legend />
          <Bar dataKey="avgWaitMin" name="Average" fill={PALETTE[0]} isAnimationActive={false} />
          <Bar dataKey="maxWaitMin" name="Longest" fill={PALETTE[2]} isAnimationActive={false} />
        </BarChart>
      </Chart>
    </div>
  );
}

/** Field jobs: what the technicians finished in the range, what is under way, time on job and photos. */
function FieldJobs(props: { r: DashboardReport; chart: boolean }) {
  const { totals } = props.r;
  const days = props.r.days.map((d) => ({ label: d.day.slice(5), jobsCompleted: d.jobsCompleted }));
  return (
    <section aria-labelledby="field-jobs-title" className="field-jobs">
      <h3 id="field-jobs-title">Field jobs</h3>
      <div className="kpis">
        <Kpi label="jobs completed" value={String(totals.jobsCompleted)} testId="kpi-jobs-completed" />
        <Kpi label="jobs in progress" value={String(totals.jobsInProgress)} hint="now" testId="kpi-jobs-in-progress" />
        <Kpi
          label="average time on job"
          value={totals.avgTimeOnJobMin === null ? '—' : `${totals.avgTimeOnJobMin} min`}
          hint={`${totals.timedJobs} timed job(s)`}
          testId="kpi-time-on-job"
        />
        <Kpi label="photos uploaded" value={String(totals.photosUploaded)} testId="kpi-photos" />
      </div>
      {props.chart && (
        <Chart title="Jobs completed per day" description="field jobs signed off" empty={totals.jobsCompleted === 0}>
          <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} />
            <Tooltip />
            <Bar dataKey="jobsCompleted" name="Jobs completed" fill={PALETTE[1]} isAnimationActive={false} />
          </BarChart>
        </Chart>
      )}
    </section>
  );
}

function Tables(props: { r: DashboardReport }) {
  const { r } = props;
  return (
    <div className="report-tables">
      <table>
        <caption>Bookings per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Bookings</th>
            <th scope="col">Checked in</th>
            <th scope="col">No-shows</th>
            <th scope="col">Jobs completed</th>
          </tr>
        </thead>
        <tbody>
          {r.days.map((d) => (
            <tr key={d.day}>
              <td>{d.day}</td>
              <td>{d.bookings}</td>
              <td>{d.checkedIn}</td>
              <td>{d.noShows}</td>
              <td>{d.jobsCompleted}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Utilization per resource</caption>
        <thead>
          <tr>
            <th scope="col">Resource</th>
            <th scope="col">Booked (h)</th>
            <th scope="col">Open (h)</th>
            <th scope="col">Utilization</th>
          </tr>
        </thead>
        <tbody>
          {r.utilization.map((u) => (
            <tr key={u.resourceId}>
              <td>{u.name}</td>
              <td>{(u.bookedMin / 60).toFixed(1)}</td>
              <td>{u.openMin === null ? 'no calendar' : (u.openMin / 60).toFixed(1)}</td>
              <td>{pct(u.pct)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Revenue by tender</caption>
        <thead>
          <tr>
            <th scope="col">Tender</th>
            <th scope="col">Payments</th>
            <th scope="col">Net collected</th>
          </tr>
        </thead>
        <tbody>
          {r.revenue.map((t) => (
            <tr key={`${t.tenderType}:${t.currency}`}>
              <td>{tenderLabel(t.tenderType)}</td>
              <td>{t.tenders}</td>
              <td>{money(t.netMinor, t.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Queues</caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Tickets</th>
            <th scope="col">Called</th>
            <th scope="col">Left</th>
            <th scope="col">Average wait</th>
            <th scope="col">Longest wait</th>
          </tr>
        </thead>
        <tbody>
          {r.queues.map((q) => (
            <tr key={q.queueId}>
              <td>{q.name}</td>
              <td>{q.tickets}</td>
              <td>{q.called}</td>
              <td>{q.left}</td>
              <td>{q.avgWaitMin === null ? '—' : `${q.avgWaitMin} min`}</td>
              <td>{q.maxWaitMin === null ? '—' : `${q.maxWaitMin} min`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Conflicts resolved</caption>
        <thead>
          <tr>
            <th scope="col">Resolution</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>
          {r.conflicts.map((c) => (
            <tr key={c.action}>
              <td>{c.action}</td>
              <td>{c.resolved}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Dashboard(props: { timeZone: string }) {
  const [range, setRange] = useState(() => lastDays(props.timeZone, 14));
  const [locationId, setLocationId] = useState('');
  const [view, setView] = useState<'charts' | 'table'>('charts');
  const locations = useLiveQuery<LocationRow>('SELECT id, name FROM locations ORDER BY name');
  const parsed = DashboardQuery.safeParse({ ...range, locationId });
  const { report: r, error, computedMs } = useDashboard(props.timeZone, parsed.success ? parsed.data : null);
  const invalid = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the dates.');

  return (
    <section aria-labelledby="dash-title" className="dashboard">
      <h2 id="dash-title">Dashboard</h2>
      <div className="filters">
        <label>
          From
          <input
            type="date"
            value={range.from}
            max={range.to}
            onChange={(e) => setRange((x) => ({ ...x, from: e.target.value }))}
          />
        </label>
        <label>
          To
          <input type="date" value={range.to} onChange={(e) => setRange((x) => ({ ...x, to: e.target.value }))} />
        </label>
        {[1, 7, 14, 30, 90].map((n) => (
          <button key={n} type="button" onClick={() => setRange(lastDays(props.timeZone, n))}>
            {n === 1 ? 'Today' : `Last ${n} days`}
          </button>
        ))}
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
        <fieldset className="view-switch">
          <legend className="visually-hidden">View</legend>
          <button type="button" aria-pressed={view === 'charts'} onClick={() => setView('charts')}>
            Charts
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            Table
          </button>
        </fieldset>
        <button
          type="button"
          disabled={!r}
          onClick={() => r && download(`dashboard-${r.range.from}-to-${r.range.to}.csv`, dashboardCsv(r))}
        >
          Export CSV
        </button>
      </div>
      {(invalid ?? error) && (
        <p className="error" role="alert">
          {invalid ?? `The figures could not be computed: ${error}`}
        </p>
      )}
      {!r && !invalid && !error && <p>Computing the figures…</p>}
      {r && (
        <>
          <p className="visually-hidden" data-testid="kpis">
            {r.totals.bookings} bookings · {r.totals.checkedIn} check-ins · no-show rate {pct(r.totals.noShowRatePct)}
          </p>
          <div className="kpis">
            <Kpi label="bookings" value={String(r.totals.bookings)} testId="kpi-bookings" />
            <Kpi label="check-ins" value={String(r.totals.checkedIn)} testId="kpi-checkins" />
            <Kpi
              label="no-show rate"
              value={pct(r.totals.noShowRatePct)}
              hint="of bookings whose outcome is known"
              testId="kpi-no-shows"
            />
            <Kpi
              label="average queue wait"
              value={r.totals.avgQueueWaitMin === null ? '—' : `${r.totals.avgQueueWaitMin} min`}
              hint={`${r.totals.queueTickets} tickets`}
            />
            <Kpi
              label="conflicts resolved"
              value={String(r.totals.conflictsResolved)}
              hint="all venues"
              testId="kpi-conflicts"
            />
          </div>
          {view === 'charts' ? <Charts r={r} /> : <Tables r={r} />}
          <FieldJobs r={r} chart={view === 'charts'} />
          <p className="muted">
            From this device’s synced data, {r.range.from} to {r.range.to} ({r.range.timeZone})
            {computedMs !== null ? ` · computed in ${computedMs} ms` : ''}. Revenue counts collected payments net of
            refunds; pay-later balances are owed, not collected.
          </p>
        </>
      )}
    </section>
  );
}
