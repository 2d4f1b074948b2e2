import { describe, expect, it } from 'vitest';
import { alternatives, explain, freeNow } from './index';
import { basicInput, busy, calendar, component, EVERY_DAY, resource, weekly } from './testing';
import type { FindSlotsInput } from './types';

const thanksgiving = (over: Partial<FindSlotsInput> = {}) =>
  basicInput({
    calendars: [calendar({ timezone: 'America/New_York' })],
    overlays: [{ id: 'ov_thx', calendarId: 'cal', kind: 'blackout', name: 'Thanksgiving', priority: 10 }],
    rules: [
      ...weekly(EVERY_DAY, '09:00', '17:00'),
      {
        id: 'thx',
        calendarId: 'cal',
        overlayId: 'ov_thx',
        name: 'Closed for Thanksgiving',
        kind: 'date_range',
        action: 'unavailable',
        startDate: '2026-11-26',
        endDate: '2026-11-26',
        priority: 10,
      },
    ],
    ...over,
  });

describe('explain', () => {
  it('names the blackout overlay that closed the time', () => {
    const e = explain(thanksgiving(), '2026-11-26T20:00:00Z');
    expect(e.available).toBe(false);
    expect(e.sentence).toBe('3:00 pm is closed: Thanksgiving (blackout overlay)');
    const closed = e.reasons.find((r) => r.code === 'calendar_closed')!;
    expect(closed.rule).toMatchObject({ ruleId: 'thx', overlayId: 'ov_thx', overlayKind: 'blackout' });
    expect(closed.resourceId).toBe('r1');
    expect(e.resolution.status).toBe('unavailable');
    expect(e.resolution.calendarId).toBe('cal');
    expect(JSON.parse(JSON.stringify(e.resolution))).toEqual(e.resolution);
  });

  it('an open time names the rule that opened it and the assigned resource', () => {
    const e = explain(thanksgiving(), '2026-11-27T20:00:00Z');
    expect(e.available).toBe(true);
    expect(e.sentence).toBe('3:00 pm is available with r1');
    expect(e.reasons.find((r) => r.code === 'calendar_open')!.rule).toMatchObject({
      kind: 'weekly_recurring',
      ruleName: 'Open 5',
    });
    expect(e.reasons.some((r) => r.code === 'resource_free' && r.resourceId === 'r1')).toBe(true);
    expect(e.slot?.start).toBe('2026-11-27T20:00:00.000Z');
  });

  it('outside opening hours (default closed, no rule)', () => {
    const e = explain(basicInput(), '2026-03-02T18:00:00Z');
    expect(e.sentence).toBe('6:00 pm is closed: outside opening hours');
  });

  it('names the booking and the buffer that block a time', () => {
    const e = explain(
      basicInput({
        busy: [
          busy('a1', 'r1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', {
            occupiedEndAt: '2026-03-02T10:15:00Z',
            bookingId: 'bo_42',
          }),
        ],
      }),
      '2026-03-02T10:00:00Z',
    );
    expect(e.available).toBe(false);
    const b = e.reasons.find((r) => r.code === 'busy')!;
    expect(b).toMatchObject({ bookingId: 'bo_42', busyId: 'a1', resourceId: 'r1', blocking: true });
    expect(e.sentence).toBe('10:00 am is taken: r1 is booked (bo_42) 9:00 am–10:15 am incl. its buffer');
  });

  it('lead time, horizon and capacity', () => {
    const lead = explain(
      basicInput({ calendars: [calendar({ minLeadTimeMin: 120 })], now: '2026-03-02T09:30:00Z' }),
      '2026-03-02T10:00:00Z',
    );
    expect(lead.sentence).toBe('10:00 am is too soon: bookings need 120 min notice');
    const horizon = explain(basicInput({ calendars: [calendar({ maxHorizonDays: 30 })] }), '2026-03-02T10:00:00Z');
    expect(horizon.reasons.map((r) => r.code)).toContain('horizon');
    const cap = explain(
      basicInput({
        offerVersion: { id: 'ov', durationMin: 60, capacity: 1 },
        busy: [
          busy('s', 'r1', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', {
            conflictPolicy: 'allow_overlap',
            offerVersionId: 'ov',
          }),
        ],
      }),
      '2026-03-02T10:00:00Z',
    );
    expect(cap.sentence).toBe('10:00 am is full: 1 of 1 seats booked');
  });

  it('names which of two resources blocked a paired slot', () => {
    const input = basicInput({
      resources: [resource('Room 3'), resource('Dr Okafor', 'host')],
      components: [component('room', 'venue', 1), component('doctor', 'host', 2)],
      selectors: [
        { componentId: 'room', selectorType: 'resource', resourceId: 'Room 3' },
        { componentId: 'doctor', selectorType: 'resource', resourceId: 'Dr Okafor' },
      ],
      busy: [busy('fix', 'Room 3', '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z', { label: 'table repair' })],
    });
    const e = explain(input, '2026-03-02T10:00:00Z');
    const blocking = e.reasons.filter((r) => r.blocking);
    expect(blocking.map((r) => r.resourceId)).toEqual(['Room 3']);
    expect(e.reasons.find((r) => r.resourceId === 'Dr Okafor')!.code).toBe('resource_free');
    expect(e.sentence).toContain('Room 3 is booked (table repair)');
  });
});

describe('alternatives and freeNow', () => {
  it('nearest free slots around a rejected time, and other qualified resources then', () => {
    const input = basicInput({
      resources: [resource('A'), resource('B')],
      busy: [busy('x', 'A', '2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z')],
    });
    const alt = alternatives({ ...input, resourceIds: ['A'] }, '2026-03-02T12:00:00Z', 3);
    expect(alt.slots.map((s) => s.start.slice(11, 16))).toEqual(['11:00', '13:00', '10:00']);
    const others = alternatives(input, '2026-03-02T12:00:00Z', 1);
    expect(others.resourcesAtWanted).toEqual([{ componentId: 'room', name: 'room', resourceIds: ['B'] }]);
  });

  it('resources free now or within N minutes for walk-ins', () => {
    const input = basicInput({
      resources: [resource('A'), resource('B'), resource('C')],
      busy: [
        busy('a', 'A', '2026-03-02T09:00:00Z', '2026-03-02T10:20:00Z'),
        busy('b', 'B', '2026-03-02T10:00:00Z', '2026-03-02T13:00:00Z'),
        busy('c', 'C', '2026-03-02T10:10:00Z', '2026-03-02T10:30:00Z'),
      ],
    });
    const free = freeNow(input, '2026-03-02T10:00:00Z', 30, { durationMin: 30 });
    expect(free.map((f) => [f.resourceId, f.freeFrom.slice(11, 16), f.freeUntil.slice(11, 16)])).toEqual([
      ['A', '10:20', '17:00'],
      ['C', '10:30', '17:00'],
    ]);
    expect(free[0]!.freeForMin).toBe(400);
    expect(free[0]!.componentIds).toEqual(['room']);
  });
});
