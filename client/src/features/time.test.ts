import { describe, expect, it } from 'vitest';
import { dayOffsetOf, dayWindow } from './time';

describe('dayOffsetOf', () => {
  it('counts whole days in the biz time zone, whatever the hour', () => {
    for (const zone of ['America/New_York', 'Europe/London', 'Asia/Kolkata']) {
      const today = dayWindow(zone);
      expect(dayOffsetOf(today.start, zone)).toBe(0);
      expect(dayOffsetOf(new Date(today.end.getTime() - 1), zone)).toBe(0);
      expect(dayOffsetOf(today.end, zone)).toBe(1);
      expect(dayOffsetOf(dayWindow(zone, 3).start, zone)).toBe(3);
      expect(dayOffsetOf(new Date(today.start.getTime() - 1), zone)).toBe(-1);
    }
  });
});
