/**
 * The availability engine: pure TypeScript (no Node/DOM APIs, no database, no hidden clock) shared by
 * the browser (over PGlite) and the server (over Postgres). Time zones go through temporal-polyfill.
 *
 * - `openIntervals` / `evaluateCalendar`: a calendar's open time over a UTC range (calendar.ts documents
 *   evaluation order and conflict modes).
 * - `findSlots`: bookable starts of an offer version with candidate resources (engine.ts).
 * - `explain`, `freeNow`, `alternatives`: reasons, walk-ins, rejection alternatives (explain.ts).
 * - Capacity pools and simultaneous occupancy (pools.ts), counted the same way at commit (enforce.ts).
 *
 * DST (time.ts): a local time in a spring-forward gap moves to the first valid instant (the
 * transition); in a repeated fall-back hour a window start takes the earlier occurrence and a window
 * end the later one. Slots step in elapsed time from local midnight, so a repeated hour gives two
 * distinct starts (label them with `localLabel`) and no start falls in a gap.
 */
export {
  type CalendarEvaluation,
  type CalendarSegment,
  type CapacityAdjustment,
  evaluateCalendar,
  openIntervals,
  type RuleRef,
} from './calendar';
export { findSlots } from './engine';
export {
  type Alternatives,
  alternatives,
  type Explanation,
  explain,
  type FreeResource,
  freeNow,
  type Reason,
  type ReasonCode,
  type ResolutionRun,
} from './explain';
export {
  checkPool,
  classKey,
  occupancyKeyOf,
  occupancyLimit,
  type PoolBooking,
  type PoolState,
  type PoolVerdict,
  peakOccupancy,
  poolBookingsFromBusy,
  preparePools,
} from './pools';
export { clockLabel, localLabel, toMs } from './time';
export type * from './types';
