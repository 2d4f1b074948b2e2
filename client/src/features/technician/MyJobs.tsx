/**
 * A technician's jobs, today and upcoming, with ordered checkpoints and notes, all recorded on the
 * device and synced when there is a connection (for days, if need be).
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
    `SELECT u.id AS unit_id, u.starts_at, u.ends_at, u.status, u.site_address, b.customer_name, b.customer_phone,
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
    'SELECT id, fulfillment_unit_id, sequence, name, status FROM fulfillment_checkpoints ORDER BY sequence',
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
            {timeLabel(job.starts_at, props.timeZone)} · {job.offer}
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
                  {c.status === 'pending' && (
                    <button
                      type="button"
                      onClick={() =>
                        void mutate('jobs.checkpoint', {
                          checkpointId: c.id,
                          status: 'done',
                          deviceTime: new Date().toISOString(),
                        })
                      }
                    >
                      Done
                    </button>
                  )}
                </li>
              ))}
          </ol>
          <JobPhotos unitId={job.unit_id} />
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
