/** Sign-in, sessions, active biz, invitations, password reset, devices, and cross-biz opacity. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import { Client, createTestApp, DEMO_PASSWORD, type TestApp } from '../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('sign-in', () => {
  it('signs a demo login in with an HTTP-only session cookie; a wrong password is 401', async () => {
    const ok = await new Client(t.app).post('/api/auth/sign-in/email', {
      email: 'desk@lumen.test',
      password: DEMO_PASSWORD,
    });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies.find((c) => c.name.endsWith('session_token'));
    expect(cookie?.httpOnly).toBe(true);
    const bad = await new Client(t.app).post('/api/auth/sign-in/email', {
      email: 'desk@lumen.test',
      password: 'nope-nope-nope',
    });
    expect(bad.statusCode).toBe(401);
  });

  it('answers /api/me with the memberships, active biz and the role’s actions', async () => {
    const c = new Client(t.app);
    expect((await c.get('/api/me')).statusCode).toBe(401);
    const bizId = await c.signInTo('desk@lumen.test');
    const me = (await c.get('/api/me')).json();
    expect(me.activeBizId).toBe(bizId);
    expect(me.role).toBe('front_desk');
    expect(me.actions).toContain('booking.check_in');
    expect(me.actions).not.toContain('payment.refund');
  });

  it('rate-limits repeated failed sign-ins', async () => {
    const c = new Client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const res = await c.request(
        'POST',
        '/api/auth/sign-in/email',
        { email: 'owner@lumen.test', password: 'wrong-password' },
        { 'x-forwarded-for': '10.9.9.9' },
      );
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });

  it('signs out and the session stops working', async () => {
    const c = new Client(t.app);
    await c.signInTo('manager@lumen.test');
    expect((await c.get('/api/me')).statusCode).toBe(200); // now in the session cache
    expect((await c.post('/api/auth/sign-out', {})).statusCode).toBe(200);
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });

  it('notices a session revoked behind its back once the session cache window passes', async () => {
    const c = new Client(t.app);
    await c.signInTo('desk@lumen.test');
    expect((await c.get('/api/me')).statusCode).toBe(200);
    const { rows } = await t.db.pool.query(
      `DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'desk@lumen.test') RETURNING id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    // Within the window the cached session still answers (another server instance revoked it)…
    expect((await c.get('/api/me')).statusCode).toBe(200);
    // …and after it, the database decides.
    await new Promise((r) => setTimeout(r, 5_100));
    expect((await c.get('/api/me')).statusCode).toBe(401);
  });
});

describe('bizes as organizations', () => {
  it('creating an organization creates a biz with the creator as owner', async () => {
    const c = new Client(t.app);
    const signUp = await c.post('/api/auth/sign-up/email', {
      email: 'new@owner.test',
      password: 'long-password-1',
      name: 'New Owner',
    });
    expect(signUp.statusCode).toBe(200);
    const created = await c.post('/api/auth/organization/create', { name: 'Fresh Studio', slug: 'fresh-studio' });
    expect(created.statusCode).toBe(200);
    const org = created.json();
    expect(org.id).toMatch(/^biz_/);
    const rows = await t.db.pool.query(
      'SELECT b.name, m.role FROM bizes b JOIN members m ON m.biz_id = b.id WHERE b.id = $1',
      [org.id],
    );
    expect(rows.rows).toEqual([{ name: 'Fresh Studio', role: 'owner' }]);
  });

  it('a biz the user does not belong to answers exactly like a missing one', async () => {
    const c = new Client(t.app);
    await c.signInTo('desk@lumen.test');
    const [other] = (await t.db.pool.query("SELECT id FROM bizes WHERE slug = 'brightline-hvac'")).rows;
    const foreign = await c.post('/api/auth/organization/set-active', { organizationId: other.id });
    const missing = await c.post('/api/auth/organization/set-active', { organizationId: newId('bizes') });
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    expect(foreign.json().code).toBe('not_found');
  });

  it('switches the active biz for a user in several bizes', async () => {
    await t.db.pool.query(
      `INSERT INTO members (id, biz_id, user_id, role)
       SELECT $1, b.id, u.id, 'manager' FROM bizes b, users u WHERE b.slug = 'brightline-hvac' AND u.email = 'owner@lumen.test'`,
      [newId('members')],
    );
    const c = new Client(t.app);
    const lumen = await c.signInTo('owner@lumen.test', 'lumen-yoga');
    expect((await c.get('/api/me')).json().activeBizId).toBe(lumen);
    const bright = await c.signInTo('owner@lumen.test', 'brightline-hvac');
    const me = (await c.get('/api/me')).json();
    expect(me.activeBizId).toBe(bright);
    expect(me.role).toBe('manager');
    expect(me.memberships).toHaveLength(2);
  });
});

describe('invitations', () => {
  it('an owner invites by email with a role; accepting joins the biz with that role', async () => {
    const owner = new Client(t.app);
    const bizId = await owner.signInTo('owner@lumen.test', 'lumen-yoga');
    const invite = await owner.post('/api/auth/organization/invite-member', {
      email: 'newdesk@lumen.test',
      role: 'front_desk',
      organizationId: bizId,
    });
    expect(invite.statusCode, invite.body).toBe(200);
    const mail = t.mail.invitations.find((m) => m.email === 'newdesk@lumen.test');
    expect(mail?.role).toBe('front_desk');

    const invitee = new Client(t.app);
    await invitee.post('/api/auth/sign-up/email', {
      email: 'newdesk@lumen.test',
      password: 'long-password-2',
      name: 'New Desk',
    });
    const accepted = await invitee.post('/api/auth/organization/accept-invitation', { invitationId: mail!.id });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const me = (await invitee.get('/api/me')).json();
    expect(me.memberships.map((m: { bizId: string; role: string }) => [m.bizId, m.role])).toEqual([
      [bizId, 'front_desk'],
    ]);
  });

  it('front desk cannot invite, and a manager cannot hand out owner', async () => {
    const desk = new Client(t.app);
    const bizId = await desk.signInTo('desk@lumen.test');
    const byDesk = await desk.post('/api/auth/organization/invite-member', {
      email: 'x@lumen.test',
      role: 'front_desk',
      organizationId: bizId,
    });
    expect(byDesk.statusCode).toBeGreaterThanOrEqual(400);
    const manager = new Client(t.app);
    await manager.signInTo('manager@lumen.test');
    const owner = await manager.post('/api/auth/organization/invite-member', {
      email: 'y@lumen.test',
      role: 'owner',
      organizationId: bizId,
    });
    expect(owner.statusCode).toBeGreaterThanOrEqual(400);
    const rows = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM invitations WHERE email IN ('x@lumen.test', 'y@lumen.test')",
    );
    expect(rows.rows[0].n).toBe(0);
  });
});

describe('password reset', () => {
  it('logs a reset link whose token sets a new password', async () => {
    const c = new Client(t.app);
    const req = await c.post('/api/auth/request-password-reset', {
      email: 'tech@brightline.test',
      redirectTo: '/reset',
    });
    expect(req.statusCode).toBe(200);
    const link = t.mail.resets.find((r) => r.email === 'tech@brightline.test');
    expect(link).toBeDefined();
    const token = new URL(link!.url).pathname.split('/').pop()!;
    const reset = await c.post('/api/auth/reset-password', { token, newPassword: 'brand-new-pass-9' });
    expect(reset.statusCode).toBe(200);
    const stored = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM verifications WHERE identifier LIKE 'reset-password:%'",
    );
    expect(stored.rows[0].n).toBe(0);
    await new Client(t.app).signIn('tech@brightline.test', 'brand-new-pass-9');
    const old = await new Client(t.app).post('/api/auth/sign-in/email', {
      email: 'tech@brightline.test',
      password: DEMO_PASSWORD,
    });
    expect(old.statusCode).toBe(401);
  });
});

describe('devices', () => {
  it('registers a device, lets a manager revoke it, and then refuses it', async () => {
    const desk = new Client(t.app);
    await desk.signInTo('desk@lumen.test');
    const clientId = newId('devices');
    const reg = await desk.post('/api/devices', { clientId, label: 'Front desk iPad' });
    expect(reg.statusCode).toBe(201);
    expect((await desk.post('/api/devices', { clientId })).statusCode).toBe(200);
    expect((await desk.get('/api/devices')).statusCode).toBe(403);

    const manager = new Client(t.app);
    await manager.signInTo('manager@lumen.test');
    const list = (await manager.get('/api/devices')).json();
    expect(list.devices.map((d: { id: string }) => d.id)).toContain(clientId);
    const revoke = await manager.post(`/api/devices/${clientId}/revoke`);
    expect(revoke.json().device.status).toBe('revoked');

    const again = await desk.post('/api/devices', { clientId });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('device_revoked');
  });

  it('another biz cannot see or revoke a device: 404 like a missing one', async () => {
    const desk = new Client(t.app);
    await desk.signInTo('desk@lumen.test');
    const clientId = newId('devices');
    await desk.post('/api/devices', { clientId });
    const other = new Client(t.app);
    await other.signInTo('owner@brightline.test');
    const foreign = await other.post(`/api/devices/${clientId}/revoke`);
    const missing = await other.post(`/api/devices/${newId('devices')}/revoke`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toEqual(missing.json());
    // Registering someone else's client id is equally opaque.
    expect((await other.post('/api/devices', { clientId })).statusCode).toBe(404);
  });

  it('validates the client id', async () => {
    const desk = new Client(t.app);
    await desk.signInTo('desk@lumen.test');
    const res = await desk.post('/api/devices', { clientId: 'not-an-id' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });

  it('refuses state-changing requests from a foreign origin', async () => {
    const desk = new Client(t.app);
    await desk.signInTo('desk@lumen.test');
    const res = await desk.request(
      'POST',
      '/api/devices',
      { clientId: newId('devices') },
      { origin: 'https://evil.test' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('cross_origin');
  });
});
