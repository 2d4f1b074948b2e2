/**
 * Shape-log offsets (protocol §1.3): `-1` (before everything), `now` (skip history), and
 * `<tx>_<op>` where `tx` is a decimal integer (commit LSN, or 0 for snapshot chunks) and `op` a
 * decimal integer or `inf`. Totally ordered: -1 < 0_0 < … < 0_inf < <lsn>_0 < … .
 */

/** A position in a shape log. `op = Infinity` encodes `inf`; `tx = -1n` encodes the `-1` offset. */
export interface LogOffset {
  readonly tx: bigint;
  readonly op: number;
}

export const BEFORE_ALL: LogOffset = { tx: -1n, op: 0 };
export const SNAPSHOT_END: LogOffset = { tx: 0n, op: Number.POSITIVE_INFINITY };

export type ParsedOffset = { kind: 'before-all' } | { kind: 'now' } | { kind: 'at'; offset: LogOffset };

const OFFSET_RE = /^(\d+)_(\d+|inf)$/;

/** Parses the `offset` query parameter; `null` when malformed. */
export function parseOffset(text: string): ParsedOffset | null {
  if (text === '-1') return { kind: 'before-all' };
  if (text === 'now') return { kind: 'now' };
  const m = OFFSET_RE.exec(text);
  if (!m) return null;
  const op = m[2] === 'inf' ? Number.POSITIVE_INFINITY : Number(m[2]);
  if (!Number.isSafeInteger(op) && op !== Number.POSITIVE_INFINITY) return null;
  return { kind: 'at', offset: { tx: BigInt(m[1] as string), op } };
}

export function formatOffset(o: LogOffset): string {
  if (o.tx < 0n) return '-1';
  return `${o.tx}_${o.op === Number.POSITIVE_INFINITY ? 'inf' : o.op}`;
}

export function compareOffsets(a: LogOffset, b: LogOffset): number {
  if (a.tx !== b.tx) return a.tx < b.tx ? -1 : 1;
  if (a.op === b.op) return 0;
  return a.op < b.op ? -1 : 1;
}

/** Postgres text LSN (`16/B374D848`) → 64-bit integer. */
export function lsnToBigInt(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi ?? '0'}`) << 32n) | BigInt(`0x${lo ?? '0'}`);
}

/** 64-bit integer → Postgres text LSN. */
export function bigIntToLsn(n: bigint): string {
  return `${(n >> 32n).toString(16).toUpperCase()}/${(n & 0xffffffffn).toString(16).toUpperCase()}`;
}
