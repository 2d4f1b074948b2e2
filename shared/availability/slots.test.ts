import { describe, expect, it } from 'vitest';
import { findSlots, localLabel, openIntervals } from './index';
import { anyOf, basicInput, busy, calendar, component, EVERY_DAY, resource, weekly } from './testing';
import type { FindSlotsInput, RuleInput } from './types';

const starts = (input: FindSlotsInput) => findSlots(input).map((s) => s.start.slice(0, 16));
const day = (d: string) => ({ start: `${d}T00:00:00Z`, end: `${d}T23:59:59Z` });

describe('findSlots: grid, duration, buffers', () => {
  it('hourly slots over a 9–17 day', () => {
    expect(starts(basicInput())).toEqual(
      [9, 10, 11, 12, 13, 14, 15, 16].map((h) => `2026-03-02T${String(h).padStart(2, '0')}:00`),
    );
  });

  it('30-minute interval with a 60-minute duration', () => {
    const got = starts(basicInput({ calendars: [calendar({ slotIntervalMin: 30 })] }));
    expect(got).toHaveLength(15);
    expect(got[0]).toBe('2026-03-02T09:00');
    expect(got[1]).toBe('2026-03-02T09:30');
    expect(got[14]).toBe('2026-03-02T16:00');
  });

  it('buffers block adjacent slots (half-open: touching is fine)', () => {
    const got = starts(
      basicInput({
        calendars: [calendar({ slotIntervalMin: 30, bufferAfterMin: 30 })],
        busy: [
          busy('b1', 'r1', '2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z', {
            occupiedEndAt: '2026-03-02T13:30:00Z',
          }),
        ],
      }),
    );
    expect(got).toEqual([
      '2026-03-02T09:00',
      '2026-03-02T09:30',
      '2026-03-02T10:00',
      '2026-03-02T10:30',
      '2026-03-02T13:30',
      '2026-03-02T14:00',
      '2026-03-02T14:30',
      '2026-03-02T15:00',
      '2026-03-02T15:30',
      '2026-03-02T16:00',
    ]);
  });

  it("the resource's own buffer before is applied", () => {
    const got = starts(
      basicInput({
        resources: [resource('r1', 'venue', { bufferBeforeMin: 30 })],
        busy: [busy('b1', 'r1', '2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z')],
      }),
    );
    // 13:00 would need 12:30–14:00 occupied, overlapping the booking.
    expect(got).toEqual(['09', '10', '11', '14', '15', '16'].map((h) => `2026-03-02T${h}:00`));
  });

  it('lead time and horizon', () => {
    const got = starts(
      basicInput({
        calendars: [calendar({ minLeadTimeMin: 60, maxHorizonDays: 1 })],
        now: '2026-03-02T09:10:00Z',
        range: { start: '2026-03-02T00:00:00Z', end: '2026-03-05T00:00:00Z' },
      }),
    );
    expect(got[0]).toBe('2026-03-02T11:00');
    expect(got[got.length - 1]).toBe('2026-03-03T09:00');
    expect(got).toHaveLength(6 + 1);
  });

  it('a holiday overlay closes the whole local day', () => {
    const tz = 'America/New_York';
    const got = starts(
      basicInput({
        calendars: [calendar({ timezone: tz })],
        overlays: [{ id: 'ov_thx', calendarId: 'cal', kind: 'blackout', name: 'Thanksgiving', priority: 10 }],
        rules: [
          ...weekly(EVERY_DAY, '09:00', '12:00'),
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
        range: { start: '2026-11-25T00:00:00Z', end: '2026-11-28T05:00:00Z' },
      }),
    );
    expect(got).toEqual([
      '2026-11-25T14:00',
      '2026-11-25T15:00',
      '2026-11-25T16:00',
      '2026-11-27T14:00',
      '2026-11-27T15:00',
      '2026-11-27T16:00',
    ]);
  });

  it('a resource booked across midnight', () => {
    const got = starts(
      basicInput({
        calendars: [calendar({ defaultMode: 'open' })],
        rules: [],
        busy: [busy('night', 'r1', '2026-03-02T22:00:00Z', '2026-03-03T02:00:00Z')],
        range: { start: '2026-03-02T20:00:00Z', end: '2026-03-03T04:00:00Z' },
      }),
    );
    expect(got).toEqual(['2026-03-02T20:00', '2026-03-02T21:00', '2026-03-03T02:00', '2026-03-03T03:00']);
  });

  it('inactive or cancelled busy rows and expired holds do not block', () => {
    const got = starts(
      basicInput({
        now: '2026-03-02T08:00:00Z',
        busy: [
          busy('c', 'r1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', { status: 'cancelled' }),
          busy('h', 'r1', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', {
            kind: 'hold',
            status: 'active',
            expiresAt: '2026-03-02T07:59:00Z',
          }),
          busy('h2', 'r1', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', {
            kind: 'hold',
            status: 'active',
            expiresAt: '2026-03-02T08:30:00Z',
          }),
        ],
      }),
    );
    expect(got.slice(0, 3)).toEqual(['2026-03-02T09:00', '2026-03-02T10:00', '2026-03-02T12:00']);
  });
});

describe('findSlots: time zones and DST', () => {
  const sunday = (tz: string, startTime: string, endTime: string, over: Partial<FindSlotsInput> = {}) =>
    basicInput({ calendars: [calendar({ timezone: tz })], rules: weekly([0], startTime, endTime), ...over });

  it('New York spring-forward: no start in the gap; durations are elapsed time', () => {
    const tz = 'America/New_York';
    const slots = findSlots(sunday(tz, '00:00', '05:00', { range: day('2026-03-08') }));
    expect(slots.map((s) => localLabel(s.startMs, tz))).toEqual([
      '2026-03-08T00:00-05:00',
      '2026-03-08T01:00-05:00',
      '2026-03-08T03:00-04:00',
      '2026-03-08T04:00-04:00',
    ]);
    // A 01:30 start before the jump ends at 03:30 local.
    const half = findSlots(
      sunday(tz, '00:00', '05:00', {
        range: day('2026-03-08'),
        calendars: [calendar({ timezone: tz, slotIntervalMin: 30 })],
      }),
    );
    const s130 = half.find((s) => localLabel(s.startMs, tz) === '2026-03-08T01:30-05:00')!;
    expect(localLabel(s130.endMs, tz)).toBe('2026-03-08T03:30-04:00');
    expect(half.some((s) => localLabel(s.startMs, tz).includes('T02:'))).toBe(false);
  });

  it('New York spring-forward: a 02:00 opening becomes 03:00', () => {
    const tz = 'America/New_York';
    const slots = findSlots(sunday(tz, '02:00', '06:00', { range: day('2026-03-08') }));
    expect(slots.map((s) => s.start)).toEqual([
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T08:00:00.000Z',
      '2026-03-08T09:00:00.000Z',
    ]);
    expect(localLabel(slots[0]!.startMs, tz)).toBe('2026-03-08T03:00-04:00');
  });

  it('New York fall-back: the repeated hour gives two distinct slots; booking one leaves the other', () => {
    const tz = 'America/New_York';
    const input = sunday(tz, '00:00', '03:00', {
      range: { start: '2026-11-01T00:00:00Z', end: '2026-11-02T00:00:00Z' },
    });
    const slots = findSlots(input);
    expect(slots.map((s) => localLabel(s.startMs, tz))).toEqual([
      '2026-11-01T00:00-04:00',
      '2026-11-01T01:00-04:00',
      '2026-11-01T01:00-05:00',
      '2026-11-01T02:00-05:00',
    ]);
    const booked = findSlots({
      ...input,
      busy: [busy('b', 'r1', '2026-11-01T05:00:00Z', '2026-11-01T06:00:00Z')],
    });
    expect(booked.map((s) => localLabel(s.startMs, tz))).toEqual([
      '2026-11-01T00:00-04:00',
      '2026-11-01T01:00-05:00',
      '2026-11-01T02:00-05:00',
    ]);
  });

  it('fall-back: a window end inside the repeated hour takes the later occurrence', () => {
    const open = openIntervals(calendar({ timezone: 'America/New_York' }), weekly([0], '00:00', '01:30'), [], {
      start: Date.parse('2026-11-01T00:00:00Z'),
      end: Date.parse('2026-11-02T00:00:00Z'),
    });
    expect(open.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()])).toEqual([
      ['2026-11-01T04:00:00.000Z', '2026-11-01T06:30:00.000Z'],
    ]);
    const start = openIntervals(calendar({ timezone: 'America/New_York' }), weekly([0], '01:30', '03:00'), [], {
      start: Date.parse('2026-11-01T00:00:00Z'),
      end: Date.parse('2026-11-02T00:00:00Z'),
    });
    // A start inside the repeated hour takes the earlier occurrence (01:30 EDT).
    expect(new Date(start[0]!.start).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('London spring-forward and fall-back', () => {
    const tz = 'Europe/London';
    const spring = findSlots(sunday(tz, '00:00', '04:00', { range: day('2026-03-29') }));
    expect(spring.map((s) => localLabel(s.startMs, tz))).toEqual([
      '2026-03-29T00:00+00:00',
      '2026-03-29T02:00+01:00',
      '2026-03-29T03:00+01:00',
    ]);
    const fall = findSlots(
      sunday(tz, '00:00', '03:00', { range: { start: '2026-10-24T22:00:00Z', end: '2026-10-25T12:00:00Z' } }),
    );
    expect(fall.map((s) => localLabel(s.startMs, tz))).toEqual([
      '2026-10-25T00:00+01:00',
      '2026-10-25T01:00+01:00',
      '2026-10-25T01:00+00:00',
      '2026-10-25T02:00+00:00',
    ]);
    expect(fall.map((s) => s.start.slice(11, 16))).toEqual(['23:00', '00:00', '01:00', '02:00']);
  });

  it('a UTC+5:30 zone (Asia/Kolkata)', () => {
    const got = starts(
      basicInput({
        calendars: [calendar({ timezone: 'Asia/Kolkata' })],
        rules: weekly([1], '09:00', '12:00'),
        range: { start: '2026-03-01T18:30:00Z', end: '2026-03-02T18:30:00Z' },
      }),
    );
    expect(got).toEqual(['2026-03-02T03:30', '2026-03-02T04:30', '2026-03-02T05:30']);
  });
});

describe('findSlots: resources, selectors, capacity', () => {
  const roomAndInstructor = (over: Partial<FindSlotsInput> = {}) =>
    basicInput({
      resources: [resource('r1'), resource('Ann', 'host'), resource('Bob', 'host')],
      components: [component('room', 'venue', 1), component('instructor', 'host', 2)],
      selectors: [
        { componentId: 'room', selectorType: 'resource', resourceId: 'r1' },
        { componentId: 'instructor', selectorType: 'resource_type', resourceType: 'host' },
      ],
      ...over,
    });

  it('multi-resource offer: room AND instructor, both free for the whole slot', () => {
    const slots = findSlots(
      roomAndInstructor({
        busy: [
          busy('a', 'Ann', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'),
          busy('b', 'Bob', '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z'),
          busy('r', 'r1', '2026-03-02T14:00:00Z', '2026-03-02T15:00:00Z'),
        ],
      }),
    );
    expect(slots.map((s) => s.start.slice(11, 13))).toEqual(['09', '11', '12', '13', '15', '16']);
    expect(slots[0]!.components).toEqual([
      { componentId: 'room', name: 'room', candidates: ['r1'], assigned: ['r1'] },
      { componentId: 'instructor', name: 'instructor', candidates: ['Ann', 'Bob'], assigned: ['Ann'] },
    ]);
    expect(slots[1]!.components[1]!.candidates).toEqual(['Ann']);
  });

  it('components are filled by distinct resources', () => {
    const slots = findSlots(
      basicInput({
        resources: [resource('Ann', 'host'), resource('Bob', 'host')],
        components: [component('lead', 'host', 1), component('assistant', 'host', 2)],
        selectors: [anyOf('lead'), anyOf('assistant')],
        busy: [busy('b', 'Bob', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z')],
      }),
    );
    expect(slots[0]!.start.slice(11, 13)).toBe('10');
    expect(slots[0]!.components.map((c) => c.assigned)).toEqual([['Ann'], ['Bob']]);
  });

  it('selector weight orders candidates; resource filters and location apply', () => {
    const input = roomAndInstructor({
      selectors: [
        { componentId: 'room', selectorType: 'resource', resourceId: 'r1' },
        { componentId: 'instructor', selectorType: 'resource', resourceId: 'Ann', weight: 50 },
        { componentId: 'instructor', selectorType: 'resource', resourceId: 'Bob', weight: 200 },
      ],
    });
    expect(findSlots(input)[0]!.components[1]!.candidates).toEqual(['Bob', 'Ann']);
    expect(findSlots({ ...input, resourceIds: ['r1', 'Ann'] })[0]!.components[1]!.candidates).toEqual(['Ann']);
    expect(findSlots({ ...input, locationId: 'elsewhere' })).toEqual([]);
  });

  it('capability selector (any / all)', () => {
    const input = basicInput({
      resources: [resource('Tom', 'host'), resource('Tia', 'host'), resource('Van1', 'asset')],
      capabilityAssignments: [
        { resourceId: 'Tom', capabilityTemplateId: 'gas', proficiencyScore: 80 },
        { resourceId: 'Tia', capabilityTemplateId: 'fgas' },
        { resourceId: 'Tia', capabilityTemplateId: 'gas', proficiencyScore: 90 },
      ],
      components: [component('tech', 'host', 1), component('van', 'asset', 2)],
      selectors: [
        { componentId: 'tech', selectorType: 'capability_template', capabilityTemplateId: 'gas' },
        { componentId: 'van', selectorType: 'resource_type', resourceType: 'asset' },
      ],
    });
    const s = findSlots(input)[0]!;
    expect(s.components[0]!.candidates).toEqual(['Tia', 'Tom']); // higher proficiency first
    expect(s.components[1]!.assigned).toEqual(['Van1']);
    const all = findSlots({
      ...input,
      components: [{ ...component('tech', 'host', 1), selectorMatchMode: 'all' }, component('van', 'asset', 2)],
      selectors: [
        { componentId: 'tech', selectorType: 'capability_template', capabilityTemplateId: 'gas' },
        { componentId: 'tech', selectorType: 'capability_template', capabilityTemplateId: 'fgas' },
        { componentId: 'van', selectorType: 'resource_type', resourceType: 'asset' },
      ],
    });
    expect(all[0]!.components[0]!.candidates).toEqual(['Tia']);
  });

  it('class capacity: seats at a start are counted once per booking; own class overlap does not block', () => {
    const seat = (n: number, start: string, ov = 'ov') =>
      ['r1', 'Ann'].map((res) =>
        busy(`s${n}${res}${ov}`, res, start, start.replace('T10', 'T11').replace('T12', 'T13'), {
          bookingId: `bo${n}${ov}`,
          conflictPolicy: 'allow_overlap',
          offerVersionId: ov,
        }),
      );
    const input = roomAndInstructor({
      offerVersion: { id: 'ov', durationMin: 60, capacity: 3 },
      busy: [...seat(1, '2026-03-02T10:00:00Z'), ...seat(2, '2026-03-02T10:00:00Z')],
    });
    const slots = findSlots(input);
    const ten = slots.find((s) => s.start.startsWith('2026-03-02T10'))!;
    expect(ten.remainingSeats).toBe(1);
    expect(ten.components[1]!.candidates).toEqual(['Ann', 'Bob']);
    expect(slots.find((s) => s.start.startsWith('2026-03-02T09'))!.remainingSeats).toBe(3);
    // Two seats wanted do not fit at 10:00.
    expect(findSlots({ ...input, seats: 2 }).some((s) => s.start.startsWith('2026-03-02T10'))).toBe(false);
    // Full at 10:00.
    const full = findSlots({ ...input, busy: [...input.busy, ...seat(3, '2026-03-02T10:00:00Z')] });
    expect(full.some((s) => s.start.startsWith('2026-03-02T10'))).toBe(false);
    // Another class in the room at 12:00 blocks the room.
    const other = findSlots({ ...input, busy: [...input.busy, ...seat(9, '2026-03-02T12:00:00Z', 'other')] });
    expect(other.some((s) => s.start.startsWith('2026-03-02T12'))).toBe(false);
  });

  it('capacity_adjustment rules change class capacity', () => {
    const rules: RuleInput[] = [
      ...weekly(EVERY_DAY, '09:00', '17:00'),
      {
        id: 'cap',
        calendarId: 'cal',
        name: 'Big room day',
        kind: 'timestamp_range',
        action: 'capacity_adjustment',
        startsAt: '2026-03-02T09:00:00Z',
        endsAt: '2026-03-02T10:00:00Z',
        capacityDelta: 2,
        priority: 100,
      },
    ];
    const slots = findSlots(basicInput({ rules, offerVersion: { id: 'ov', durationMin: 60, capacity: 5 } }));
    expect(slots.slice(0, 2).map((s) => s.remainingSeats)).toEqual([7, 5]);
  });

  it('conflict modes and evaluation order', () => {
    const cal = (over: Parameters<typeof calendar>[0]) => calendar({ defaultMode: 'closed', ...over });
    const range = { start: Date.parse('2026-03-02T00:00:00Z'), end: Date.parse('2026-03-03T00:00:00Z') };
    const rules: RuleInput[] = [
      ...weekly([1], '09:00', '17:00', { priority: 100 }),
      {
        id: 'lunch',
        calendarId: 'cal',
        name: 'Lunch',
        kind: 'weekly_recurring',
        action: 'unavailable',
        dayOfWeek: 1,
        startTime: '12:00',
        endTime: '13:00',
        priority: 50,
      },
    ];
    const show = (c: ReturnType<typeof cal>, r: RuleInput[] = rules) =>
      openIntervals(c, r, [], range).map(
        (i) => `${new Date(i.start).toISOString().slice(11, 16)}-${new Date(i.end).toISOString().slice(11, 16)}`,
      );
    expect(show(cal({ conflictMode: 'unavailable_wins' }))).toEqual(['09:00-12:00', '13:00-17:00']);
    expect(show(cal({ conflictMode: 'available_wins' }))).toEqual(['09:00-17:00']);
    // priority_asc: the higher priority number (100, the opening rule) is evaluated last and wins.
    expect(show(cal({ conflictMode: 'priority_wins', ruleEvaluationOrder: 'priority_asc' }))).toEqual(['09:00-17:00']);
    expect(show(cal({ conflictMode: 'priority_wins', ruleEvaluationOrder: 'priority_desc' }))).toEqual([
      '09:00-12:00',
      '13:00-17:00',
    ]);
    // override_hours: opens its window and closes the rest of that day; under most_restrictive_wins it only shrinks.
    const override: RuleInput = {
      id: 'short',
      calendarId: 'cal',
      name: 'Short day',
      kind: 'date_range',
      action: 'override_hours',
      startDate: '2026-03-02',
      endDate: '2026-03-02',
      startTime: '10:00',
      endTime: '19:00',
      priority: 100,
    };
    expect(show(cal({ conflictMode: 'unavailable_wins' }), [...weekly([1], '09:00', '17:00'), override])).toEqual([
      '10:00-19:00',
    ]);
    expect(show(cal({ conflictMode: 'most_restrictive_wins' }), [...weekly([1], '09:00', '17:00'), override])).toEqual([
      '10:00-17:00',
    ]);
    expect(show(cal({ status: 'inactive' }))).toEqual([]);
  });
});
