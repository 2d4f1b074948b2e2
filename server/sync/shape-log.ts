/**
 * One shape's materialised log: the initial snapshot (as chunks addressed by `0_k`) followed by
 * replicated changes addressed by `<lsn>_<op>`, plus the long-polls parked on it. Entries are kept
 * as pre-serialised JSON so repeated reads of the same `(handle, offset)` are byte-identical.
 */
import { compareOffsets, formatOffset, type LogOffset, SNAPSHOT_END } from './offsets';

export interface LogEntry {
  readonly offset: LogOffset;
  readonly json: string;
  /** True on the final entry of a transaction in this log. */
  readonly last: boolean;
}

export interface ReadResult {
  readonly items: string[];
  /** Offset of the last included item, or the request offset when nothing was included. */
  readonly offset: LogOffset;
  /** Whether the read reached the current tail (an up-to-date may follow). */
  readonly reachedTail: boolean;
}

type Waiter = () => void;

export class ShapeLog {
  /** Snapshot chunks: chunk k is answered for offset -1 (k = 0) or `0_(k-1)`. */
  private chunks: string[][] = [];
  private entries: LogEntry[] = [];
  private waiters = new Set<Waiter>();
  private bytes = 0;

  constructor(private readonly maxChunkBytes: number) {}

  setSnapshot(chunks: string[][]): void {
    this.chunks = chunks.length > 0 ? chunks : [[]];
    for (const c of this.chunks) for (const s of c) this.bytes += s.length;
  }

  get snapshotChunkCount(): number {
    return this.chunks.length;
  }

  /** Appends one transaction's entries for this shape (already ordered) and wakes the waiters. */
  appendTransaction(entries: LogEntry[]): void {
    if (entries.length === 0) return;
    for (const e of entries) {
      this.entries.push(e);
      this.bytes += e.json.length + 48;
    }
    this.wake();
  }

  get tail(): LogOffset {
    const last = this.entries[this.entries.length - 1];
    return last ? last.offset : SNAPSHOT_END;
  }

  /** Approximate heap bytes held by the log. */
  get approxBytes(): number {
    return this.bytes * 2 + 512;
  }

  get waiterCount(): number {
    return this.waiters.size;
  }

  /** Snapshot chunk `index` (0-based) and its closing offset `0_index`. */
  snapshotChunk(index: number): ReadResult {
    return {
      items: this.chunks[index] ?? [],
      offset: { tx: 0n, op: index },
      reachedTail: false,
    };
  }

  /** Whether `offset` names a position inside the snapshot chunks (before the last one). */
  isInsideSnapshot(offset: LogOffset): boolean {
    return offset.tx === 0n && offset.op < this.chunks.length - 1;
  }

  /** Log entries strictly after `offset`, whole transactions only, up to ~maxChunkBytes. */
  readAfter(offset: LogOffset): ReadResult {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareOffsets((this.entries[mid] as LogEntry).offset, offset) <= 0) lo = mid + 1;
      else hi = mid;
    }
    const items: string[] = [];
    let size = 0;
    // Past the last snapshot chunk with no changes yet, the position is "end of snapshot" (0_inf).
    let end = compareOffsets(offset, SNAPSHOT_END) < 0 ? SNAPSHOT_END : offset;
    let i = lo;
    for (; i < this.entries.length; i++) {
      const e = this.entries[i] as LogEntry;
      items.push(e.json);
      size += e.json.length;
      end = e.offset;
      if (e.last && size >= this.maxChunkBytes) {
        i++;
        break;
      }
    }
    return { items, offset: end, reachedTail: i >= this.entries.length };
  }

  /** Resolves when new entries arrive, the log is invalidated, or after `ms`. */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener('abort', done);
    });
  }

  wake(): void {
    for (const w of [...this.waiters]) w();
  }

  describe(): string {
    return `${this.chunks.length} chunks, ${this.entries.length} entries, tail ${formatOffset(this.tail)}`;
  }
}
