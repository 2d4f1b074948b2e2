/**
 * An explainable walk-in wait estimate: the median of recent observed service times, times the
 * number of people ahead, divided by the staff serving. The range uses the quartiles of the same
 * observations. Pure: no clock, no database; the desk, the display and the server all call it.
 */

export interface WaitInput {
  /** Recent service durations in seconds, newest first (only the first `window` are used). */
  observationsSec: readonly number[];
  /** People ahead of the ticket (waiting before it, plus those called but not yet served). */
  position: number;
  /** Staff serving this queue right now (at least 1 is assumed). */
  staffOnShift: number;
  /** Used when there are no observations yet (the queue's configured average). */
  fallbackServiceMin?: number | null;
  /** How many recent observations count (default 20). */
  window?: number;
}

export interface WaitEstimate {
  minutes: number;
  lowMin: number;
  highMin: number;
  medianServiceMin: number;
  observations: number;
  explanation: string;
  method: 'median_service_time' | 'configured_average';
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function predictWait(input: WaitInput): WaitEstimate {
  const window = input.window ?? 20;
  const recent = input.observationsSec.filter((s) => Number.isFinite(s) && s > 0).slice(0, window);
  const staff = Math.max(1, Math.floor(input.staffOnShift));
  const position = Math.max(0, Math.floor(input.position));
  const sorted = [...recent].sort((a, b) => a - b);
  const useFallback = sorted.length === 0;
  const fallback = input.fallbackServiceMin ?? 10;
  const medianMin = useFallback ? fallback : quantile(sorted, 0.5) / 60;
  const lowSvc = useFallback ? fallback * 0.75 : quantile(sorted, 0.25) / 60;
  const highSvc = useFallback ? fallback * 1.5 : quantile(sorted, 0.75) / 60;
  const rounds = position / staff;
  const minutes = Math.round(medianMin * rounds);
  const lowMin = Math.floor(lowSvc * rounds);
  const highMin = Math.max(minutes, Math.ceil(highSvc * rounds));
  const basis = useFallback
    ? `the queue's usual ${round1(fallback)} min per person (no services observed yet)`
    : `a median service of ${round1(medianMin)} min over the last ${sorted.length} service${sorted.length === 1 ? '' : 's'}`;
  const explanation =
    position === 0
      ? 'Next in line: served as soon as someone is free.'
      : `${position} ${position === 1 ? 'person' : 'people'} ahead × ${basis} ÷ ${staff} staff on shift ≈ ${minutes} min (likely ${lowMin}–${highMin}).`;
  return {
    minutes,
    lowMin: Math.min(lowMin, minutes),
    highMin,
    medianServiceMin: round1(medianMin),
    observations: sorted.length,
    explanation,
    method: useFallback ? 'configured_average' : 'median_service_time',
  };
}
