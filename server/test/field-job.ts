/**
 * A technician's device finishing a field job, as the app sends it: every checklist step, a timed
 * stretch on the clock and a photo of the work, through /api/commits and the photo route.
 */
import { newId } from '../../shared/ids';
import { Client, type TestApp } from './app';

/** A 1×1 PNG: the smallest real image the photo route accepts. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export interface TechDevice {
  c: Client;
  clientId: string;
  userId: string;
  seq: number;
}

export async function techDevice(t: TestApp, email = 'tech@brightline.test'): Promise<TechDevice> {
  const c = new Client(t.app);
  await c.signInTo(email);
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  return { c, clientId, userId: (await c.get('/api/me')).json().user.id as string, seq: 0 };
}

/** The technician's next upcoming job nobody has started, or throws. */
export async function nextUntouchedJob(t: TestApp, tech: TechDevice): Promise<string> {
  const { rows } = await t.db.pool.query(
    `SELECT u.id FROM fulfillment_units u
     JOIN fulfillment_assignments a ON a.fulfillment_unit_id = u.id
     JOIN resources r ON r.id = a.resource_id AND r.host_user_id = $1
     WHERE u.status = 'scheduled' AND u.starts_at > now()
       AND NOT EXISTS (SELECT 1 FROM fulfillment_checkpoints c WHERE c.fulfillment_unit_id = u.id AND c.status <> 'pending')
     ORDER BY u.starts_at LIMIT 1`,
    [tech.userId],
  );
  if (!rows[0]) throw new Error('no untouched job left for the technician');
  return rows[0].id as string;
}

async function commit(tech: TechDevice, name: string, args: unknown) {
  const res = await tech.c.post('/api/commits', {
    clientId: tech.clientId,
    mutations: [{ id: ++tech.seq, name, args }],
  });
  const result = res.json().results[0] as { status: string; error?: { code: string } };
  if (result.status !== 'applied') throw new Error(`${name} ${JSON.stringify(result)}`);
}

/**
 * Records the job's steps in order, `minutes` on the clock ending at `at`, and one photo taken at
 * `at`: the job completes at `at`.
 */
export async function finishJob(t: TestApp, tech: TechDevice, unitId: string, at: Date, minutes: number) {
  const { rows } = await t.db.pool.query(
    `SELECT id FROM fulfillment_checkpoints WHERE fulfillment_unit_id = $1 AND data->>'entry' IS NULL
     ORDER BY sequence`,
    [unitId],
  );
  const started = new Date(at.getTime() - minutes * 60_000).toISOString();
  const clock = newId('fulfillment_checkpoints');
  await commit(tech, 'jobs.clock', { action: 'start', entryId: clock, unitId, deviceTime: started });
  await commit(tech, 'jobs.clock', { action: 'stop', entryId: clock, deviceTime: at.toISOString() });
  const photo = await tech.c.request(
    'PUT',
    `/api/jobs/${unitId}/photos/${newId('fulfillment_photos')}?takenAt=${at.toISOString()}`,
    PNG_1PX,
    {
      'content-type': 'image/png',
    },
  );
  if (photo.statusCode !== 201) throw new Error(`photo upload ${photo.statusCode} ${photo.body}`);
  for (const r of rows) {
    await commit(tech, 'jobs.checkpoint', { checkpointId: r.id, status: 'done', deviceTime: at.toISOString() });
  }
}
