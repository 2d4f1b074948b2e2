/**
 * A technician's jobs, today and upcoming, with ordered checkpoints (the sign-off step, or the last
 * open step, completes the job), notes, photos, parts used and time on the job, all recorded on the
 * device and synced when there is a connection (for days, if need be); each job says when the device
 * last synced and how many changes wait to be sent.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useEffect, useState } from 'react';
import { newId } from '../../../../shared/ids';
import { useStore } from '../../db/StoreProvider';
import { timeLabel } from '../time';
import { useMutate } from '../useMutate';

interface JobRow {
  unit_id: string;
  starts_at: string;
  ends_at: string;
  status: string;
  actual_end_at: string | null;
  site_address: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  offer: string;
  booking_code: string;
}
interface CheckpointRow {
  id: string;
  fulfillment_unit_id: string;
  sequence: number;
  name: string;
  status: string;
}

interface WorkEntryRow {
  id: string;
  fulfillment_unit_id: string;
  status: string;
  data: { entry: 'part' | 'time'; part?: string; quantity?: number; startedAt?: string; endedAt?: string };
}

const JOB_STATUS: Record<string, string> = {
  planned: 'Planned',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  no_show: 'No-show',
};

function duration(ms: number): string {
  const min = Math.floor(ms / 60_000);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}

function ago(d: Date | null): string {
  if (!d) return 'never';
  const s = Math.round((Date.now() - d.getTime()) / 1000);
  return s < 60 ? 'just now' : s < 3600 ? `${Math.round(s / 60)} min ago` : d.toLocaleString();
}

/** Parts used and time on the job (jobs.addPart / jobs.clock), recorded offline like everything else. */
function WorkLog(props: {
  unitId: string;
  timeZone: string;
  entries: WorkEntryRow[];
  mutate(name: string, args: unknown): Promise<boolean>;
}) {
  const { state } = useStore();
  const [now, setNow] = useState(() => Date.now());
  const [part, setPart] = useState('');
  const [qty, setQty] = useState('1');
  const time = props.entries.filter((e) => e.data.entry === 'time');
  const parts = props.entries.filter((e) => e.data.entry === 'part');
  const running = time.find((e) => e.status === 'pending');
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, [running]);
  const totalMs = time.reduce((sum, e) => {
    const start = Date.parse(e.data.startedAt ?? '');
    const end = e.data.endedAt ? Date.parse(e.data.endedAt) : Math.max(now, start);
    return Number.isNaN(start) ? sum : sum + Math.max(0, end - start);
  }, 0);
  const deviceTime = () => new Date().toISOString();
  return (
    <div className="work-log">
      <p data-testid="job-time">
        Time on job: <strong>{duration(totalMs)}</strong>
        {running?.data.startedAt && ` (running since ${timeLabel(running.data.startedAt, props.timeZone)})`}{' '}
        {running ? (
          <button
            type="button"
            onClick={() => {
              setNow(Date.now());
              void props.mutate('jobs.clock', { action: 'stop', entryId: running.id, deviceTime: deviceTime() });
            }}
          >
            Stop clock
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              setNow(Date.now());
              void props.mutate('jobs.clock', {
                action: 'start',
                entryId: newId('fulfillment_checkpoints'),
                unitId: props.unitId,
                deviceTime: deviceTime(),
              });
            }}
          >
            Start clock
          </button>
        )}
      </p>
      {parts.length > 0 && (
        <ul aria-label="Parts used" data-testid="job-parts">
          {parts.map((p) => (
            <li key={p.id}>
              {p.data.part} × {p.data.quantity}
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="Add a part"
        onSubmit={(e) => {
          e.preventDefault();
          const quantity = Number(qty);
          if (!part.trim() || !(quantity > 0)) return;
          void props
            .mutate('jobs.addPart', {
              entryId: newId('fulfillment_checkpoints'),
              unitId: props.unitId,
              part: part.trim(),
              quantity,
              deviceTime: deviceTime(),
            })
            .then((ok) => {
              if (!ok) return;
              setPart('');
              setQty('1');
            });
        }}
      >
        <label>
          Part
          <input value={part} maxLength={200} onChange={(e) => setPart(e.target.value)} />
        </label>
        <label>
          Qty
          <input
            type="number"
            min="0.01"
            step="any"
            inputMode="decimal"
            value={qty}
            onChange={(e) => setQty(e.target.value)}
            style={{ width: '5rem' }}
          />
        </label>
        <button type="submit">Add part</button>
      </form>
      <p className="muted" data-testid="job-sync">
        Last synced {ago(state.lastSyncedAt)} · {state.pending} change(s) waiting to be sent
        {state.online ? '' : ' (offline: kept on this device)'}
      </p>
    </div>
  );
}

/** Photos of one job: taken with the camera (or picked), kept on the device, uploaded when online. */
function JobPhotos(props: { unitId: string }) {
  const { store, state } = useStore();
  const [photos, setPhotos] = useState<{ id: string; uploaded_at: Date | null }[]>([]);
  const pending = state.pending;
  useEffect(() => {
    if (pending >= 0) void store.photos(props.unitId).then(setPhotos);
  }, [store, props.unitId, pending]);
  return (
    <div className="photos">
      <label>
        Add photo
        <input
          type="file"
          accept="image/*"
          capture="environment"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            await store.addPhoto(props.unitId, file.type || 'image/jpeg', new Uint8Array(await file.arrayBuffer()));
            e.target.value = '';
            setPhotos(await store.photos(props.unitId));
          }}
        />
      </label>
      {photos.length > 0 && (
        <span className="muted" data-testid="photo-status">
          {photos.length} photo(s) · {photos.filter((p) => !p.uploaded_at).length} waiting to upload
        </span>
      )}
    </div>
  );
}

export function MyJobs(props: { timeZone: string; userId: string }) {
  const { mutate, error } = useMutate();
  const jobs = useLiveQuery<JobRow>(
    `SELECT u.id AS unit_id, u.starts_at, u.ends_at, u.status, u.actual_end_at, u.site_address, b.customer_name, b.customer_phone,
            o.name AS offer, b.booking_code
     FROM fulfillment_units u
     JOIN fulfillment_assignments a ON a.fulfillment_unit_id = u.id
     JOIN resources r ON r.id = a.resource_id AND r.host_user_id = $1
     JOIN booking_orders b ON b.id = u.booking_order_id
     JOIN offers o ON o.id = b.offer_id
     WHERE u.ends_at > now() - interval '12 hours' AND u.status <> 'cancelled'
     ORDER BY u.starts_at LIMIT 50`,
    [props.userId],
  );
  const checkpoints = useLiveQuery<CheckpointRow>(
    `SELECT id, fulfillment_unit_id, sequence, name, status FROM fulfillment_checkpoints
     WHERE data->>'entry' IS NULL ORDER BY sequence`,
  );
  const work = useLiveQuery<WorkEntryRow>(
    `SELECT id, fulfillment_unit_id, status, data FROM fulfillment_checkpoints
     WHERE data->>'entry' IN ('part', 'time') ORDER BY sequence`,
  );
  const [note, setNote] = useState<Record<string, string>>({});

  return (
    <section aria-labelledby="jobs-title" className="jobs">
      <h2 id="jobs-title">My jobs</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {jobs?.rows.length === 0 && <p>No jobs assigned.</p>}
      {jobs?.rows.map((job) => (
        <article key={job.unit_id} className="job" data-testid="job">
          <h3>
            {new Date(job.starts_at).toLocaleDateString(undefined, { weekday: 'short', timeZone: props.timeZone })}{' '}
            {timeLabel(job.starts_at, props.timeZone)} · {job.offer}{' '}
            <span className={`job-status ${job.status}`} data-testid="job-status">
              {JOB_STATUS[job.status] ?? job.status}
              {job.status === 'completed' && job.actual_end_at
                ? ` at ${timeLabel(job.actual_end_at, props.timeZone)}`
                : ''}
            </span>
          </h3>
          <p>
            {job.customer_name} · {job.site_address} {job.customer_phone ? `· ${job.customer_phone}` : ''}
          </p>
          <ol className="checkpoints">
            {checkpoints?.rows
              .filter((c) => c.fulfillment_unit_id === job.unit_id)
              .map((c) => (
                <li key={c.id} className={c.status}>
                  {c.name} — {c.status}
                  {c.status === 'pending' &&
                    (['done', 'skipped'] as const).map((status) => (
                      <button
                        key={status}
                        type="button"
                        onClick={() =>
                          void mutate('jobs.checkpoint', {
                            checkpointId: c.id,
                            status,
                            deviceTime: new Date().toISOString(),
                          })
                        }
                      >
                        {status === 'done' ? 'Done' : 'Skip'}
                      </button>
                    ))}
                </li>
              ))}
          </ol>
          <JobPhotos unitId={job.unit_id} />
          <WorkLog
            unitId={job.unit_id}
            timeZone={props.timeZone}
            entries={work?.rows.filter((w) => w.fulfillment_unit_id === job.unit_id) ?? []}
            mutate={mutate}
          />
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const body = note[job.unit_id]?.trim();
              if (!body) return;
              void mutate('notes.add', {
                id: newId('notes'),
                subject: { type: 'fulfillment_unit', id: job.unit_id },
                body,
                deviceTime: new Date().toISOString(),
              }).then((ok) => ok && setNote((n) => ({ ...n, [job.unit_id]: '' })));
            }}
          >
            <label>
              Note
              <input
                value={note[job.unit_id] ?? ''}
                onChange={(e) => setNote((n) => ({ ...n, [job.unit_id]: e.target.value }))}
              />
            </label>
            <button type="submit">Add note</button>
          </form>
        </article>
      ))}
    </section>
  );
}
