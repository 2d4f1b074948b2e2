/**
 * Time helpers. All zone math goes through Temporal; inside one local day the engine then works in
 * epoch milliseconds (elapsed time), so no Temporal object is created per slot.
 *
 * Local wall-clock → instant (documented choice, see README in index.ts):
 * - nonexistent local time (spring-forward gap): the boundary moves to the first valid instant, i.e.
 *   the transition itself (a 02:00 or 02:30 opening in New York on a spring-forward day opens at 03:00 EDT);
 * - repeated local time (fall-back): a window START takes the earlier occurrence and a window END takes
 *   the later one, so a window never shrinks on a fall-back day (an hour-long repeated hour stays open
 *   on both passes);
 * - day boundaries (midnight) are resolved like starts.
 */
import { Temporal } from 'temporal-polyfill';
import type { TimeInput } from './types';

export const MIN = 60_000;
export const DAY = 86_400_000;

export function toMs(t: TimeInput): number {
  if (typeof t === 'number') return t;
  if (t instanceof Date) return t.getTime();
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`invalid instant: ${t}`);
  return ms;
}

export function toMsOrNull(t: TimeInput | null | undefined): number | null {
  return t === null || t === undefined ? null : toMs(t);
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** `HH:MM[:SS]` → minutes after midnight (24:00 → 1440). */
export function parseTimeMin(time: string): number {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(time.trim());
  if (!m) throw new Error(`invalid local time: ${time}`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 24 || min > 59 || s > 59 || (h === 24 && (min > 0 || s > 0))) throw new Error(`invalid local time: ${time}`);
  return h * 60 + min + s / 60;
}

/** Resolves local date + minutes-after-midnight in a zone to an instant (see the module comment). */
export class ZoneClock {
  private cache = new Map<string, number>();
  private dayCache = new Map<string, number>();
  constructor(readonly timeZone: string) {
    // Validates the zone early (throws RangeError for an unknown zone).
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
  }

  /** The local date containing an instant. */
  dateOf(ms: number): Temporal.PlainDate {
    return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.timeZone).toPlainDate();
  }

  /** The first instant of a local date. */
  startOfDay(date: Temporal.PlainDate): number {
    const key = date.toString();
    let v = this.dayCache.get(key);
    if (v === undefined) {
      v = date.toZonedDateTime({ timeZone: this.timeZone }).epochMilliseconds;
      this.dayCache.set(key, v);
    }
    return v;
  }

  /** Local date + minutes after midnight (0..1440) → instant; `side` decides repeated-hour resolution. */
  at(date: Temporal.PlainDate, minutes: number, side: 'start' | 'end'): number {
    if (minutes >= 1440) return this.startOfDay(date.add({ days: 1 }));
    if (minutes === 0 && side === 'start') return this.startOfDay(date);
    const key = `${date.toString()}|${minutes}|${side}`;
    let v = this.cache.get(key);
    if (v !== undefined) return v;
    const whole = Math.floor(minutes);
    const pdt = date.toPlainDateTime({
      hour: Math.floor(whole / 60),
      minute: whole % 60,
      second: Math.round((minutes - whole) * 60),
    });
    const earlier = pdt.toZonedDateTime(this.timeZone, { disambiguation: 'earlier' });
    if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), pdt) !== 0) {
      // Gap: the wall time does not exist; the first valid instant after it is the transition.
      const next = earlier.getTimeZoneTransition('next');
      v = next ? next.epochMilliseconds : pdt.toZonedDateTime(this.timeZone).epochMilliseconds;
    } else if (side === 'end') {
      v = pdt.toZonedDateTime(this.timeZone, { disambiguation: 'later' }).epochMilliseconds;
    } else {
      v = earlier.epochMilliseconds;
    }
    this.cache.set(key, v);
    return v;
  }
}

/** `2026-11-01T01:00-04:00`: the local wall time with its UTC offset (distinguishes a repeated hour). */
export function localLabel(ms: number, timeZone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  return `${z.toPlainDate().toString()}T${pad(z.hour)}:${pad(z.minute)}${z.offset}`;
}

/** `3:00 pm` in the zone. */
export function clockLabel(ms: number, timeZone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  const h = z.hour % 12 === 0 ? 12 : z.hour % 12;
  return `${h}:${pad(z.minute)} ${z.hour < 12 ? 'am' : 'pm'}`;
}

/** `Thu 26 Nov 3:00 pm` in the zone. */
export function dayClockLabel(ms: number, timeZone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
  const dow = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][z.dayOfWeek - 1];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][z.month - 1];
  return `${dow} ${z.day} ${mon} ${clockLabel(ms, timeZone)}`;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
