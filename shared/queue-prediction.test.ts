import { describe, expect, it } from 'vitest';
import { predictWait } from './queue-prediction';

/** Deterministic PRNG (mulberry32) so the seeded history is the same on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Service times in seconds: mostly 6–10 min, one in ten a long 15–20 min job. */
function serviceTime(rnd: () => number) {
  return rnd() < 0.1 ? 900 + rnd() * 300 : 360 + rnd() * 240;
}

/**
 * Simulated truth: `staff` counters each part-way through a current service; the customer with
 * `ahead` people in front starts when a counter frees up for them (multi-server FIFO).
 */
function simulatedWaitMin(rnd: () => number, ahead: number, staff: number) {
  const free = Array.from({ length: staff }, () => rnd() * serviceTime(rnd));
  for (let i = 0; i < ahead; i++) {
    free.sort((a, b) => a - b);
    free[0]! += serviceTime(rnd);
  }
  free.sort((a, b) => a - b);
  return free[0]! / 60;
}

describe('predictWait', () => {
  it('explains itself: position × median service ÷ staff', () => {
    const est = predictWait({ observationsSec: [420, 480, 540, 600, 3000], position: 3, staffOnShift: 2 });
    expect(est.medianServiceMin).toBe(9);
    expect(est.minutes).toBe(Math.round((9 * 3) / 2));
    expect(est.lowMin).toBeLessThanOrEqual(est.minutes);
    expect(est.highMin).toBeGreaterThanOrEqual(est.minutes);
    expect(est.explanation).toBe(
      '3 people ahead × a median service of 9 min over the last 5 services ÷ 2 staff on shift ≈ 14 min (likely 12–15).',
    );
    expect(est.method).toBe('median_service_time');
  });

  it('falls back to the configured average, and says so; next in line waits 0', () => {
    const est = predictWait({ observationsSec: [], position: 2, staffOnShift: 1, fallbackServiceMin: 8 });
    expect(est).toMatchObject({ minutes: 16, method: 'configured_average', observations: 0 });
    expect(est.explanation).toContain('no services observed yet');
    expect(predictWait({ observationsSec: [600], position: 0, staffOnShift: 3 }).minutes).toBe(0);
  });

  it('uses only the recent window, ignores bad values, and never divides by zero staff', () => {
    const est = predictWait({
      observationsSec: [60, 60, 60, 6000, 6000, -5, Number.NaN],
      position: 4,
      staffOnShift: 0,
      window: 3,
    });
    expect(est.observations).toBe(3);
    expect(est.minutes).toBe(4);
  });

  /**
   * Stated error: on a seeded history (40 observed services), over positions 3–15 and 1–3 staff,
   * the estimate's mean absolute error against a simulated multi-server queue is within 20% of the
   * true mean wait, and the true wait falls inside a widened likely range (low×0.5 … high×1.5) at
   * least 80% of the time.
   */
  it('is within the stated error on a seeded history', () => {
    const rnd = prng(20240607);
    const history = Array.from({ length: 40 }, () => serviceTime(rnd));
    let absErr = 0;
    let truthSum = 0;
    let inside = 0;
    let n = 0;
    for (let staff = 1; staff <= 3; staff++) {
      for (let ahead = 3; ahead <= 15; ahead++) {
        const est = predictWait({ observationsSec: history, position: ahead, staffOnShift: staff });
        for (let trial = 0; trial < 50; trial++) {
          const truth = simulatedWaitMin(rnd, ahead, staff);
          absErr += Math.abs(est.minutes - truth);
          truthSum += truth;
          if (truth >= est.lowMin * 0.5 && truth <= est.highMin * 1.5) inside++;
          n++;
        }
      }
    }
    expect(absErr / truthSum).toBeLessThan(0.2);
    expect(inside / n).toBeGreaterThan(0.8);
  });
});
