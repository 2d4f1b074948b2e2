/** Parts and time on a job (`jobs.addPart`, `jobs.clock`) through /api/commits, as a technician's device sends them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../server/test/app';
import { newId } from '../ids';

let t: TestApp;
let tech: { c: Client; clientId: string; userId: string };
let unitId: string;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const c = new Client(t.app);
  await c.signInTo('tech@brightline.test');
  const clientId = newId('devices');
  await c.post('/api/devices', { clientId });
  const userId = (await c.get('/api/me')).json().user.id as string;
  tech = { c, clientId, userId };
  const { rows } = await t.db.pool.query(
    `SELECT u.id FROM fulfillment_units u
     JOIN fulfillment_assignments a ON a.fulfillment_unit_id = u.id
     JOIN resources r ON r.id = a.resource_id AND r.host_user_id = $1
     WHERE u.status <> 'cancelled' AND u.starts_at > now() ORDER BY u.starts_at LIMIT 1`,
    [userId],
  );
  unitId = rows[0].id;
});
afterAll(async () => {
  await t?.close();
});

async function commit(name: string, args: unknown) {
  const res = (
    await tech.c.post('/api/commits', { clientId: tech.clientId, mutations: [{ id: ++seq, name, args }] })
  ).json();
  return res.results[0] as { status: string; error?: { code: string; message?: string } };
}

const entries = async () =>
  (
    await t.db.pool.query(
      `SELECT id, sequence, name, status, data, completed_at FROM fulfillment_checkpoints
       WHERE fulfillment_unit_id = $1 AND data ? 'entry' ORDER BY sequence`,
      [unitId],
    )
  ).rows;

describe('parts and time on a job', () => {
  it('records parts and start/stop time after the checklist, one running clock at a time', async () => {
    const maxBefore = (
      await t.db.pool.query(
        'SELECT max(sequence)::int AS m FROM fulfillment_checkpoints WHERE fulfillment_unit_id = $1',
        [unitId],
      )
    ).rows[0].m as number;
    const part = { entryId: newId('fulfillment_checkpoints'), unitId, part: 'Filter F7', quantity: 2 };
    expect((await commit('jobs.addPart', { ...part, deviceTime: '2030-01-01T10:00:00Z' })).status).toBe('applied');
    const clock = newId('fulfillment_checkpoints');
    const start = { action: 'start', entryId: clock, unitId, deviceTime: '2030-01-01T10:00:00Z' };
    expect((await commit('jobs.clock', start)).status).toBe('applied');
    const again = await commit('jobs.clock', { ...start, entryId: newId('fulfillment_checkpoints') });
    expect([again.status, again.error?.code]).toEqual(['rejected', 'invalid_state']);
    const stop = { action: 'stop', entryId: clock, deviceTime: '2030-01-01T10:45:00Z' };
    expect((await commit('jobs.clock', stop)).status).toBe('applied');
    const stopped = await commit('jobs.clock', stop);
    expect([stopped.status, stopped.error?.code]).toEqual(['rejected', 'invalid_state']);
    // A clock that went backwards records zero time, never negative.
    const back = newId('fulfillment_checkpoints');
    await commit('jobs.clock', { ...start, entryId: back, deviceTime: '2030-01-01T12:00:00Z' });
    await commit('jobs.clock', { action: 'stop', entryId: back, deviceTime: '2030-01-01T11:00:00Z' });

    const rows = await entries();
    expect(rows.map((r) => [r.sequence, r.name, r.status])).toEqual([
      [maxBefore + 1, 'Part: Filter F7', 'done'],
      [maxBefore + 2, 'Time on job', 'done'],
      [maxBefore + 3, 'Time on job', 'done'],
    ]);
    expect(rows[0].data).toEqual({ entry: 'part', part: 'Filter F7', quantity: 2 });
    expect(rows[1].data).toEqual({
      entry: 'time',
      startedAt: '2030-01-01T10:00:00.000Z',
      endedAt: '2030-01-01T10:45:00.000Z',
    });
    expect(rows[2].data.endedAt).toBe(rows[2].data.startedAt);
  });

  it('refuses bad input and another technician’s job', async () => {
    const bad = await commit('jobs.addPart', {
      entryId: newId('fulfillment_checkpoints'),
      unitId,
      part: ' ',
      quantity: 0,
      deviceTime: '2030-01-01T10:00:00Z',
    });
    expect([bad.status, bad.error?.code]).toEqual(['rejected', 'validation_failed']);
    const { rows } = await t.db.pool.query(
      `SELECT u.id FROM fulfillment_units u JOIN bizes z ON z.id = u.biz_id AND z.slug = 'brightline-hvac'
       WHERE NOT EXISTS (SELECT 1 FROM fulfillment_assignments a JOIN resources r ON r.id = a.resource_id
                         WHERE a.fulfillment_unit_id = u.id AND r.host_user_id = $1)
         AND u.status <> 'cancelled' LIMIT 1`,
      [tech.userId],
    );
    const other = await commit('jobs.clock', {
      action: 'start',
      entryId: newId('fulfillment_checkpoints'),
      unitId: rows[0].id,
      deviceTime: '2030-01-01T10:00:00Z',
    });
    expect([other.status, other.error?.code]).toEqual(['rejected', 'assignment_changed']);
  });
});
