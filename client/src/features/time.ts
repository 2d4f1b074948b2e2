/** Local-day windows and labels in the biz's time zone (Temporal, never hand-written offsets). */
import { Temporal } from 'temporal-polyfill';

export function dayWindow(timeZone: string, offsetDays = 0): { start: Date; end: Date; label: string } {
  const today = Temporal.Now.plainDateISO(timeZone).add({ days: offsetDays });
  const start = today.toZonedDateTime({ timeZone });
  const end = today.add({ days: 1 }).toZonedDateTime({ timeZone });
  return {
    start: new Date(start.epochMilliseconds),
    end: new Date(end.epochMilliseconds),
    label: today.toLocaleString(undefined, { weekday: 'long', month: 'short', day: 'numeric' }),
  };
}

/** Whole days from today to the day `value` falls on, in the biz's time zone (0 = today). */
export function dayOffsetOf(value: Date | string, timeZone: string): number {
  const today = Temporal.Now.plainDateISO(timeZone);
  const day = Temporal.Instant.fromEpochMilliseconds(new Date(value).getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  return today.until(day, { largestUnit: 'days' }).days;
}

export function timeLabel(value: Date | string, timeZone: string): string {
  return new Date(value).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', timeZone });
}

export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);
}
