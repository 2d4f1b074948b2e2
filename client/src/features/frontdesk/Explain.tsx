/**
 * "Why is <time> not free?": the availability engine's explanation computed on the device from
 * PGlite (works offline), naming the rule, overlay, booking or hold that closes the time.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useState } from 'react';
import { type Explanation, explain } from '../../../../shared/availability';
import { loadAvailability } from '../../../../shared/availability/load';
import type { SqlTx } from '../../../../shared/mutators/types';
import { useStore } from '../../db/StoreProvider';
import { timeLabel } from '../time';

interface OfferRow {
  version_id: string;
  name: string;
}

const DAY = 86_400_000;

/** `yyyy-MM-ddTHH:mm` in `timeZone` → the instant (the browser's datetime-local has no zone). */
function zonedInstant(local: string, timeZone: string): Date | null {
  const guess = new Date(`${local}:00Z`);
  if (Number.isNaN(guess.getTime())) return null;
  // Two passes of "what does this instant read as in the zone" settle the offset (DST included).
  let t = guess.getTime();
  for (let i = 0; i < 2; i++) {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).formatToParts(new Date(t));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
    const shown = Date.parse(`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:00Z`);
    t += guess.getTime() - shown;
  }
  return new Date(t);
}

export function Explain(props: { timeZone: string }) {
  const { store } = useStore();
  const offers = useLiveQuery<OfferRow>(
    `SELECT v.id AS version_id, o.name FROM offer_versions v JOIN offers o ON o.id = v.offer_id
     WHERE v.status = 'published' AND o.status = 'active' ORDER BY o.name`,
  );
  const [versionId, setVersionId] = useState('');
  const [local, setLocal] = useState('');
  const [result, setResult] = useState<Explanation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function ask() {
    setProblem(null);
    setResult(null);
    const at = zonedInstant(local, props.timeZone);
    if (!versionId || !at) {
      setProblem('Choose an offer and a time.');
      return;
    }
    const data = await loadAvailability(store.pg as unknown as SqlTx, store.bizId, versionId, {
      start: new Date(at.getTime() - 2 * DAY),
      end: new Date(at.getTime() + 2 * DAY),
    });
    if (!data) {
      setProblem('That offer is not on this device.');
      return;
    }
    setResult(explain({ ...data, now: new Date() }, at));
  }

  const blocking = result?.reasons.filter((r) => r.blocking) ?? [];
  const context = result?.reasons.filter((r) => !r.blocking) ?? [];
  return (
    <section aria-labelledby="explain-title" className="explain">
      <h2 id="explain-title">Why is a time not free?</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
      >
        <label>
          What
          <select value={versionId} onChange={(e) => setVersionId(e.target.value)} aria-label="Offer to explain">
            <option value="">Choose…</option>
            {offers?.rows.map((o) => (
              <option key={o.version_id} value={o.version_id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          When ({props.timeZone})
          <input type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} aria-label="Time" />
        </label>
        <button type="submit">Explain</button>
      </form>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {result && (
        <div role="status" className={result.available ? 'notice' : 'explanation'}>
          <p>
            <strong>{timeLabel(result.at, props.timeZone)}</strong> {result.available ? 'is free.' : 'is not free.'}{' '}
            {result.sentence}
          </p>
          {blocking.length > 0 && (
            <ul aria-label="Why not">
              {blocking.map((r) => (
                <li key={`${r.code}:${r.resourceId ?? ''}:${r.message}`}>{r.message}</li>
              ))}
            </ul>
          )}
          {context.length > 0 && (
            <details>
              <summary>Details</summary>
              <ul>
                {context.map((r) => (
                  <li key={`${r.code}:${r.resourceId ?? ''}:${r.message}`}>{r.message}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
