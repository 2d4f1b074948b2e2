/**
 * Checkpoints, parts and time on a job (`jobs.checkpoint`, `jobs.addPart`, `jobs.clock`) through /api/commits, as a
 * technician's device sends them, and the job's status following its checklist.
 */
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

/** The technician's upcoming jobs that nobody has touched yet, in start order. */
async function untouchedJobs(): Promise<string[]> {
  const { rows } = await t.db.pool.query(
    `SELECT u.id FROM fulfillment_units u
     JOIN fulfillment_assignments a ON a.fulfillment_unit_id = u.id
     JOIN resources r ON r.id = a.resource_id AND r.host_user_id = $1
     WHERE u.status = 'scheduled' AND u.starts_at > now() AND u.id <> $2
       AND NOT EXISTS (SELECT 1 FROM fulfillment_checkpoints c WHERE c.fulfillment_unit_id = u.id AND c.status <> 'pending')
     ORDER BY u.starts_at`,
    [tech.userId, unitId],
  );
  return rows.map((r) => r.id as string);
}

const stepsOf = async (unit: string) =>
  (
    await t.db.pool.query(
      `SELECT id, kind::text AS kind, status::text AS status FROM fulfillment_checkpoints
       WHERE fulfillment_unit_id = $1 AND data->>'entry' IS NULL ORDER BY sequence`,
      [unit],
    )
  ).rows as { id: string; kind: string; status: string }[];

const jobState = async (unit: string) =>
  (
    await t.db.pool.query(
      `SELECT u.status::text AS status, u.actual_start_at, u.actual_end_at, b.status::text AS booking
       FROM fulfillment_units u JOIN booking_orders b ON b.id = u.booking_order_id WHERE u.id = $1`,
      [unit],
    )
  ).rows[0] as { status: string; actual_start_at: Date | null; actual_end_at: Date | null; booking: string };

const step = (checkpointId: string, status: string, deviceTime: string) =>
  commit('jobs.checkpoint', { checkpointId, status, deviceTime });

describe('a job follows its checklist', () => {
  it('starts with the first step done and completes with the completion step, at its device time', async () => {
    const [unit] = await untouchedJobs();
    const steps = await stepsOf(unit!);
    expect(steps.map((s) => s.kind)).toEqual(['en_route', 'arrival', 'checklist_item', 'completion']);
    expect((await step(steps[0]!.id, 'done', '2030-02-01T08:00:00Z')).status).toBe('applied');
    expect(await jobState(unit!)).toMatchObject({
      status: 'in_progress',
      actual_start_at: new Date('2030-02-01T08:00:00Z'),
      actual_end_at: null,
      booking: 'in_progress',
    });
    // A clock left running stops when the job completes.
    const clock = newId('fulfillment_checkpoints');
    const start = { action: 'start', entryId: clock, unitId: unit, deviceTime: '2030-02-01T08:30:00Z' };
    expect((await commit('jobs.clock', start)).status).toBe('applied');
    expect((await step(steps[1]!.id, 'done', '2030-02-01T08:30:00Z')).status).toBe('applied');
    expect((await jobState(unit!)).status).toBe('in_progress');
    // The safety checks are left open: signing off completes the job anyway.
    expect((await step(steps[3]!.id, 'done', '2030-02-01T09:40:00Z')).status).toBe('applied');
    expect(await jobState(unit!)).toMatchObject({
      status: 'completed',
      actual_start_at: new Date('2030-02-01T08:00:00Z'),
      actual_end_at: new Date('2030-02-01T09:40:00Z'),
      booking: 'completed',
    });
    const { rows } = await t.db.pool.query(
      'SELECT status::text AS status, data FROM fulfillment_checkpoints WHERE id = $1',
      [clock],
    );
    expect(rows[0]).toEqual({
      status: 'done',
      data: { entry: 'time', startedAt: '2030-02-01T08:30:00.000Z', endedAt: '2030-02-01T09:40:00.000Z' },
    });
    // A late step never reopens it.
    expect((await step(steps[2]!.id, 'skipped', '2030-02-01T10:00:00Z')).status).toBe('applied');
    expect(await jobState(unit!)).toMatchObject({
      status: 'completed',
      actual_end_at: new Date('2030-02-01T09:40:00Z'),
    });
  });

  it('completes when every step is done or skipped, and not while one failed', async () => {
    const [, unit, failing] = await untouchedJobs();
    const steps = await stepsOf(unit!);
    // Sign-off skipped first (customer not home): the job is not complete while steps are open.
    expect((await step(steps[3]!.id, 'skipped', '2030-02-02T08:00:00Z')).status).toBe('applied');
    expect((await jobState(unit!)).status).toBe('scheduled');
    await step(steps[0]!.id, 'done', '2030-02-02T08:10:00Z');
    await step(steps[1]!.id, 'skipped', '2030-02-02T08:20:00Z');
    expect((await jobState(unit!)).status).toBe('in_progress');
    await step(steps[2]!.id, 'done', '2030-02-02T08:50:00Z');
    expect(await jobState(unit!)).toMatchObject({
      status: 'completed',
      actual_end_at: new Date('2030-02-02T08:50:00Z'),
    });

    const f = await stepsOf(failing!);
    await step(f[2]!.id, 'failed', '2030-02-03T08:00:00Z');
    for (const s of [f[0]!, f[1]!, f[3]!])
      await step(s.id, s.kind === 'completion' ? 'skipped' : 'done', '2030-02-03T09:00:00Z');
    expect((await jobState(failing!)).status).toBe('in_progress');
  });

  it('leaves another technician’s job exactly as it was', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT u.id FROM fulfillment_units u JOIN bizes z ON z.id = u.biz_id AND z.slug = 'brightline-hvac'
       WHERE NOT EXISTS (SELECT 1 FROM fulfillment_assignments a JOIN resources r ON r.id = a.resource_id
                         WHERE a.fulfillment_unit_id = u.id AND r.host_user_id = $1)
         AND u.status = 'scheduled' ORDER BY u.starts_at LIMIT 1`,
      [tech.userId],
    );
    const other = rows[0].id as string;
    const before = { job: await jobState(other), steps: await stepsOf(other) };
    const last = before.steps.find((s) => s.kind === 'completion')!;
    const res = await step(last.id, 'done', '2030-02-04T09:00:00Z');
    expect([res.status, res.error?.code]).toEqual(['rejected', 'assignment_changed']);
    expect({ job: await jobState(other), steps: await stepsOf(other) }).toEqual(before);
  });
});
