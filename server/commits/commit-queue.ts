/**
 * Group commit across devices. Pushes arriving while `concurrency` transactions are already running
 * wait here; when one finishes, the next transaction takes the oldest waiting push plus the pushes of
 * other devices behind it, up to GROUP_SIZE mutations, and applies them as one run (runner.ts): one
 * lock statement, one record statement and one fsync shared by all of them. A lone push on an idle
 * server starts at once, alone.
 *
 * Each device's mutations stay in order and answer exactly as if pushed alone: a refused mutation
 * rolls back only its group, which re-runs without it; a device that turns out to be unknown or
 * revoked fails only its own push (the others of its run are re-run separately).
 */
import { AppError } from '../../shared/errors';
import type { MutatorActor } from '../../shared/mutators/types';
import {
  applyBatch,
  applyItems,
  type BatchResult,
  DeviceRefused,
  GROUP_SIZE,
  type IncomingMutation,
  type RunnerOptions,
} from './runner';

interface Push {
  actor: MutatorActor;
  mutations: IncomingMutation[];
  resolve(result: BatchResult): void;
  reject(err: unknown): void;
}

/** Mutations allowed to wait (about 15 s of work at the measured rate); beyond that, pushes are turned away. */
const MAX_WAITING = 10_000;

export class CommitQueue {
  private readonly waiting: Push[] = [];
  private waitingMutations = 0;
  private running = 0;

  constructor(
    private readonly runner: RunnerOptions,
    /** Transactions in flight at once; more pushes than that wait and are grouped. */
    private readonly concurrency: number,
    private readonly maxWaiting = MAX_WAITING,
  ) {}

  /**
   * Applies one device's push; resolves with its results in order (see `applyBatch`). When too much is
   * already waiting it refuses the push at once (`unavailable`, 503): the device keeps it and retries
   * with backoff, rather than every push waiting longer than its request may.
   */
  push(actor: MutatorActor, mutations: IncomingMutation[]): Promise<BatchResult> {
    if (this.waitingMutations + mutations.length > this.maxWaiting && this.waiting.length > 0) {
      return Promise.reject(
        new AppError(
          'unavailable',
          'The server is busy committing other devices’ work; this device will retry shortly.',
        ),
      );
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ actor, mutations, resolve, reject });
      this.waitingMutations += mutations.length;
      this.pump();
    });
  }

  private pump() {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const run = this.take();
      this.running += 1;
      void this.apply(run).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  /** The oldest push, then other devices' pushes behind it while the run stays within GROUP_SIZE. */
  private take(): Push[] {
    const first = this.waiting.shift()!;
    this.waitingMutations -= first.mutations.length;
    const run = [first];
    const devices = new Set([first.actor.deviceId]);
    let size = first.mutations.length;
    for (let i = 0; i < this.waiting.length && size < GROUP_SIZE; ) {
      const p = this.waiting[i]!;
      if (!devices.has(p.actor.deviceId) && size + p.mutations.length <= GROUP_SIZE) {
        run.push(p);
        devices.add(p.actor.deviceId);
        size += p.mutations.length;
        this.waitingMutations -= p.mutations.length;
        this.waiting.splice(i, 1);
      } else {
        i += 1;
      }
    }
    return run;
  }

  private async apply(run: Push[]) {
    if (run.length === 1) return this.alone(run[0]!);
    let out: BatchResult;
    try {
      out = await applyItems(
        this.runner,
        run.flatMap(({ actor, mutations }) => mutations.map((m) => ({ actor, m }))),
      );
    } catch (err) {
      if (!(err instanceof DeviceRefused)) {
        for (const p of run) p.reject(err);
        return;
      }
      // Nothing of the failed transaction was recorded; what earlier ones committed answers from
      // client_mutations when each push runs again on its own.
      for (const p of run) await this.alone(p);
      return;
    }
    let at = 0;
    for (const p of run) {
      const results = out.results.slice(at, at + p.mutations.length);
      at += p.mutations.length;
      p.resolve({ results, incomplete: results.length < p.mutations.length });
    }
  }

  private async alone(p: Push) {
    try {
      p.resolve(await applyBatch(this.runner, p.actor, p.mutations));
    } catch (err) {
      p.reject(err instanceof DeviceRefused ? err.error : err);
    }
  }
}
