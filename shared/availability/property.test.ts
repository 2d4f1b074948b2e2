import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSlots, openIntervals } from './index';
import { basicInput, busy, calendar, EVERY_DAY, resource, weekly } from './testing';
import type { FindSlotsInput } from './types';

const BASE = Date.parse('2026-03-02T00:00:00Z');
const MIN = 60_000;
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata'];

const arbInput = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    openH: fc.integer({ min: 0, max: 10 }),
    lenH: fc.integer({ min: 1, max: 12 }),
    interval: fc.constantFrom(15, 30, 60),
    duration: fc.constantFrom(15, 30, 45, 60, 90),
    calBefore: fc.integer({ min: 0, max: 30 }),
    calAfter: fc.integer({ min: 0, max: 30 }),
    resAfter: fc.integer({ min: 0, max: 45 }),
    bookings: fc.array(
      fc.record({
        startMin: fc.integer({ min: 0, max: 3 * 1440 }),
        len: fc.integer({ min: 5, max: 240 }),
        buf: fc.integer({ min: 0, max: 30 }),
      }),
      { maxLength: 15 },
    ),
  })
  .map((g): FindSlotsInput => {
    const pad = (h: number) => `${String(h).padStart(2, '0')}:00`;
    return basicInput({
      calendars: [
        calendar({
          timezone: g.zone,
          slotIntervalMin: g.interval,
          bufferBeforeMin: g.calBefore,
          bufferAfterMin: g.calAfter,
        }),
      ],
      rules: weekly(EVERY_DAY, pad(g.openH), g.openH + g.lenH >= 24 ? '24:00' : pad(g.openH + g.lenH)),
      resources: [resource('r1', 'venue', { bufferAfterMin: g.resAfter })],
      offerVersion: { id: 'ov', durationMin: g.duration, capacity: null },
      busy: g.bookings.map((b, i) =>
        busy(
          `b${i}`,
          'r1',
          new Date(BASE + b.startMin * MIN).toISOString(),
          new Date(BASE + (b.startMin + b.len) * MIN).toISOString(),
          {
            occupiedEndAt: new Date(BASE + (b.startMin + b.len + b.buf) * MIN).toISOString(),
          },
        ),
      ),
      range: { start: BASE, end: BASE + 3 * 1440 * MIN },
    });
  });

describe('findSlots properties', () => {
  it('no slot overlaps a busy interval widened by buffers', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const cal = input.calendars[0]!;
        const before = cal.bufferBeforeMin * MIN;
        const after = Math.max(cal.bufferAfterMin, input.resources[0]!.bufferAfterMin ?? 0) * MIN;
        for (const s of findSlots(input)) {
          for (const b of input.busy) {
            const os = Date.parse(String(b.startsAt));
            const oe = Date.parse(String(b.occupiedEndAt ?? b.endsAt));
            expect(s.startMs - before < oe && os < s.endMs + after).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every slot lies inside open hours, on the grid, in the range', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const range = { start: BASE, end: BASE + 4 * 1440 * MIN };
        const open = openIntervals(input.calendars[0]!, input.rules, [], range);
        const slots = findSlots(input);
        for (const s of slots) {
          expect(open.some((o) => o.start <= s.startMs && s.endMs <= o.end)).toBe(true);
          expect(s.endMs - s.startMs).toBe((input.offerVersion.durationMin ?? 0) * MIN);
          expect(s.startMs).toBeGreaterThanOrEqual(BASE);
        }
        for (let i = 1; i < slots.length; i++) expect(slots[i]!.startMs).toBeGreaterThan(slots[i - 1]!.startMs);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic (same input, same output, whatever the busy order)', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const a = findSlots(input);
        const b = findSlots(structuredClone({ ...input, busy: [...input.busy].reverse() }));
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('open intervals are sorted, disjoint and inside the range', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const range = { start: BASE, end: BASE + 3 * 1440 * MIN };
        const open = openIntervals(input.calendars[0]!, input.rules, [], range);
        for (let i = 0; i < open.length; i++) {
          const o = open[i]!;
          expect(o.end).toBeGreaterThan(o.start);
          expect(o.start).toBeGreaterThanOrEqual(range.start);
          expect(o.end).toBeLessThanOrEqual(range.end);
          if (i > 0) expect(o.start).toBeGreaterThan(open[i - 1]!.end);
        }
      }),
      { numRuns: 100 },
    );
  });
});
