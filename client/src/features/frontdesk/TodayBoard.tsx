/**
 * The front desk's day: a timeline per resource (bookings, holds and check-ins) over the list of
 * every booking with check-in, no-show and payment right on the row, all from the device's own data
 * (synced ⊕ pending), so it works the same offline. The timeline is keyboard-usable: arrow keys move
 * between blocks, Enter jumps to the booking's row and its actions.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { newId } from '../../../../shared/ids';
import { useStore } from '../../db/StoreProvider';
import { dayWindow, money, timeLabel } from '../time';
import { useMutate } from '../useMutate';
import { BookingQr } from './BookingQr';
import { TakePayment } from './TakePayment';

interface BoardRow {
  assignment_id: string;
  resource_id: string;
  resource: string;
  booking_id: string;
  booking_code: string;
  customer_name: string | null;
  customer_user_id: string | null;
  status: string;
  payment_status: string;
  starts_at: string;
  ends_at: string;
  offer: string;
  intent_id: string | null;
  /** The intent has reached the server (card payments are made there). */
  intent_synced: boolean;
  amount_minor: number | null;
  amount_paid_minor: number | null;
  currency: string;
  checked_in_at: string | null;
}

interface HoldRow {
  id: string;
  resource_id: string;
  starts_at: string;
  ends_at: string;
  expires_at: string;
  seats: number;
  is_offline: boolean;
}

interface LaneResource {
  id: string;
  name: string;
}

const BOARD_SQL = `
  SELECT a.id AS assignment_id, r.id AS resource_id, r.name AS resource, b.id AS booking_id, b.booking_code,
         b.customer_name, b.customer_user_id, b.status, b.payment_status, a.starts_at, a.ends_at, o.name AS offer,
         i.id AS intent_id, EXISTS (SELECT 1 FROM payment_intents_synced s WHERE s.id = i.id) AS intent_synced,
         i.amount_minor, i.amount_paid_minor, b.currency, b.checked_in_at
  FROM fulfillment_assignments a
  JOIN resources r ON r.id = a.resource_id
  JOIN fulfillment_units u ON u.id = a.fulfillment_unit_id
  JOIN booking_orders b ON b.id = u.booking_order_id
  JOIN offers o ON o.id = b.offer_id
  LEFT JOIN payment_intents i ON i.booking_order_id = b.id
  WHERE a.starts_at < $2 AND a.ends_at > $1 AND a.status <> 'cancelled' AND b.status <> 'cancelled'
    AND r.type IN ('venue', 'host')
  ORDER BY r.name, a.starts_at, b.customer_name`;

const HOLDS_SQL = `
  SELECT id, resource_id, starts_at, ends_at, expires_at, seats, is_offline FROM booking_holds
  WHERE status = 'active' AND resource_id IS NOT NULL AND starts_at < $2 AND ends_at > $1
  ORDER BY starts_at`;

const RESOURCES_SQL = `
  SELECT id, name FROM resources WHERE type IN ('venue', 'host') AND deleted_at IS NULL ORDER BY name, id`;

/** One block of the timeline: a booking, or the seats of one class session, or a hold. */
interface Block {
  key: string;
  kind: 'booking' | 'hold';
  start: number;
  end: number;
  label: string;
  status: string;
  /** The list row the block jumps to. */
  rowId?: string;
  checkIns: number[];
}

function blocksOf(rows: BoardRow[], holds: HoldRow[], now: number): Map<string, Block[]> {
  const lanes = new Map<string, Block[]>();
  const push = (resourceId: string, b: Block) => lanes.set(resourceId, [...(lanes.get(resourceId) ?? []), b]);
  const sessions = new Map<string, BoardRow[]>();
  for (const r of rows) {
    const key = `${r.resource_id}|${new Date(r.starts_at).getTime()}|${new Date(r.ends_at).getTime()}`;
    sessions.set(key, [...(sessions.get(key) ?? []), r]);
  }
  for (const [key, list] of sessions) {
    const first = list[0]!;
    const checkIns = list.flatMap((r) => (r.checked_in_at ? [new Date(r.checked_in_at).getTime()] : []));
    const allIn = list.every((r) => r.status === 'checked_in' || r.status === 'completed');
    push(first.resource_id, {
      key,
      kind: 'booking',
      start: new Date(first.starts_at).getTime(),
      end: new Date(first.ends_at).getTime(),
      // The seats of one class are one block: the class and how many are booked / here.
      label:
        list.length > 1
          ? `${first.offer} · ${list.length} booked · ${checkIns.length} in`
          : `${first.customer_name ?? 'Customer'} · ${first.offer}`,
      status: list.length > 1 ? (allIn ? 'checked_in' : 'confirmed') : first.status,
      rowId: `row-${first.assignment_id}`,
      checkIns,
    });
  }
  for (const h of holds) {
    if (new Date(h.expires_at).getTime() <= now) continue;
    push(h.resource_id, {
      key: h.id,
      kind: 'hold',
      start: new Date(h.starts_at).getTime(),
      end: new Date(h.ends_at).getTime(),
      label: `Held${h.seats > 1 ? ` · ${h.seats} seats` : ''} until ${new Date(h.expires_at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}${h.is_offline ? ' (offline)' : ''}`,
      status: 'held',
      checkIns: [],
    });
  }
  for (const list of lanes.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return lanes;
}

/** The visible window: business hours widened to whatever is on the board, whole hours. */
function windowOf(dayStart: number, dayEnd: number, lanes: Map<string, Block[]>) {
  const hour = 3_600_000;
  let start = dayStart + 7 * hour;
  let end = dayStart + 21 * hour;
  for (const list of lanes.values()) {
    for (const b of list) {
      start = Math.min(start, b.start);
      end = Math.max(end, b.end);
    }
  }
  start = Math.max(dayStart, dayStart + Math.floor((start - dayStart) / hour) * hour);
  end = Math.min(dayEnd, dayStart + Math.ceil((end - dayStart) / hour) * hour);
  return { start, end };
}

function Timeline(props: {
  timeZone: string;
  day: { start: Date; end: Date };
  resources: LaneResource[];
  rows: BoardRow[];
  holds: HoldRow[];
  onSelect(rowId: string): void;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const ref = useRef<HTMLElement>(null);
  // Roving focus: one Tab stop for the whole timeline, the block visited last (else the first one).
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const lanes = blocksOf(props.rows, props.holds, now);
  const win = windowOf(props.day.start.getTime(), props.day.end.getTime(), lanes);
  const span = win.end - win.start;
  const at = (t: number) => `${(Math.min(Math.max(t, win.start), win.end) - win.start) / (span / 100)}%`;
  const width = (a: number, b: number) => `${(Math.min(b, win.end) - Math.max(a, win.start)) / (span / 100)}%`;
  const hours: number[] = [];
  for (let t = win.start; t < win.end; t += 3_600_000) hours.push(t);
  // Lanes: every bookable room and host, plus any resource something is booked on.
  const known = new Set(props.resources.map((r) => r.id));
  const extra = props.rows
    .filter((r) => !known.has(r.resource_id))
    .map((r) => ({ id: r.resource_id, name: r.resource }));
  const resources = [...props.resources, ...new Map(extra.map((r) => [r.id, r])).values()];
  const ordered = resources.flatMap((r) => lanes.get(r.id) ?? []);
  const tabStop = ordered.some((b) => b.key === focusKey) ? focusKey : (ordered[0]?.key ?? null);

  const move = (e: KeyboardEvent<HTMLButtonElement>, lane: number, idx: number) => {
    const focus = (l: number, i: number) => {
      const el = ref.current?.querySelector<HTMLButtonElement>(`[data-lane="${l}"][data-idx="${i}"]`);
      if (!el) return false;
      el.focus();
      return true;
    };
    const nearest = (l: number) => {
      const start = Number(e.currentTarget.dataset.start);
      const list = lanes.get(resources[l]?.id ?? '') ?? [];
      if (list.length === 0) return -1;
      let best = 0;
      list.forEach((b, i) => {
        if (Math.abs(b.start - start) < Math.abs(list[best]!.start - start)) best = i;
      });
      return best;
    };
    const vertical = (dir: 1 | -1) => {
      for (let l = lane + dir; l >= 0 && l < resources.length; l += dir) {
        const i = nearest(l);
        if (i >= 0) return focus(l, i);
      }
      return false;
    };
    const handled =
      e.key === 'ArrowRight'
        ? focus(lane, idx + 1)
        : e.key === 'ArrowLeft'
          ? focus(lane, idx - 1)
          : e.key === 'ArrowDown'
            ? vertical(1)
            : e.key === 'ArrowUp'
              ? vertical(-1)
              : e.key === 'Home'
                ? focus(lane, 0)
                : e.key === 'End'
                  ? focus(lane, (lanes.get(resources[lane]?.id ?? '')?.length ?? 1) - 1)
                  : false;
    if (handled || e.key.startsWith('Arrow')) e.preventDefault();
  };

  return (
    <section className="timeline" ref={ref} aria-label="Timeline" aria-describedby="timeline-help">
      <p id="timeline-help" className="visually-hidden">
        Arrow keys move between blocks, up and down between resources; Enter shows the booking in the list below.
      </p>
      <div className="tl-row tl-hours" aria-hidden="true">
        <span className="tl-name" />
        <div className="tl-track">
          {hours.map((h) => (
            <span key={h} className="tl-hour" style={{ left: at(h) }}>
              {timeLabel(new Date(h), props.timeZone)}
            </span>
          ))}
        </div>
      </div>
      {resources.map((res, lane) => {
        const list = lanes.get(res.id) ?? [];
        return (
          <div key={res.id} className="tl-row" data-testid="timeline-lane">
            <span className="tl-name">{res.name}</span>
            <div className="tl-track">
              {hours.map((h) => (
                <span key={h} className="tl-grid" style={{ left: at(h) }} aria-hidden="true" />
              ))}
              {now >= win.start && now < win.end && (
                <span className="tl-now" style={{ left: at(now) }} title="Now" aria-hidden="true" />
              )}
              {list.map((b, idx) => {
                const time = `${timeLabel(new Date(b.start), props.timeZone)}–${timeLabel(new Date(b.end), props.timeZone)}`;
                return (
                  <button
                    type="button"
                    key={b.key}
                    className={`tl-block ${b.kind} status-${b.status}`}
                    style={{ left: at(b.start), width: width(b.start, b.end) }}
                    data-lane={lane}
                    data-idx={idx}
                    data-start={b.start}
                    data-testid="timeline-block"
                    tabIndex={b.key === tabStop ? 0 : -1}
                    aria-label={`${res.name}, ${time}: ${b.label} (${b.status.replace('_', ' ')})`}
                    title={`${time} ${b.label}`}
                    onKeyDown={(e) => move(e, lane, idx)}
                    onFocus={() => setFocusKey(b.key)}
                    onClick={() => b.rowId && props.onSelect(b.rowId)}
                  >
                    <span className="tl-label">{b.label}</span>
                    {b.checkIns.map((t, i) => (
                      <span
                        // biome-ignore lint/suspicious/noArrayIndexKey: check-ins at one instant are interchangeable.
                        key={i}
                        className="tl-checkin"
                        style={{ left: `${((t - b.start) / Math.max(1, b.end - b.start)) * 100}%` }}
                        aria-hidden="true"
                      />
                    ))}
                  </button>
                );
              })}
            </div>
          </div>
        );
      })}
      <p className="tl-legend muted" aria-hidden="true">
        <span className="tl-key status-confirmed" /> booked <span className="tl-key status-checked_in" /> checked in{' '}
        <span className="tl-key hold" /> held <span className="tl-key tl-checkin-key" /> check-in time
      </p>
    </section>
  );
}

/** The desk's board for one day (today unless the desk pages to another), as a timeline and a list. */
export function TodayBoard(props: { timeZone: string; dayOffset?: number; onDayOffset?: (offset: number) => void }) {
  const { store } = useStore();
  const offset = props.dayOffset ?? 0;
  const day = dayWindow(props.timeZone, offset);
  const title = offset === 0 ? `Today · ${day.label}` : offset === 1 ? `Tomorrow · ${day.label}` : day.label;
  const { mutate, error } = useMutate();
  const span = [day.start.toISOString(), day.end.toISOString()];
  const result = useLiveQuery<BoardRow>(BOARD_SQL, span);
  const holds = useLiveQuery<HoldRow>(HOLDS_SQL, span);
  const resources = useLiveQuery<LaneResource>(RESOURCES_SQL);
  const [selected, setSelected] = useState<string | null>(null);
  const select = (rowId: string) => {
    setSelected(rowId);
    const el = document.getElementById(rowId);
    el?.scrollIntoView({ block: 'nearest' });
    // Straight to the row's first action (check in, pay), else the row itself.
    (el?.querySelector<HTMLElement>('button') ?? el)?.focus();
  };
  const rows = result?.rows ?? [];
  const byResource = new Map<string, BoardRow[]>();
  for (const r of rows) byResource.set(r.resource, [...(byResource.get(r.resource) ?? []), r]);

  const checkIn = (r: BoardRow) =>
    mutate('bookings.checkIn', { id: r.booking_id, checkpointId: newId('fulfillment_checkpoints'), method: 'button' });
  const noShow = (r: BoardRow) => mutate('bookings.noShow', { id: r.booking_id });
  const cash = (r: BoardRow) =>
    r.intent_id &&
    mutate('payments.recordTender', {
      intentId: r.intent_id,
      tenderId: newId('payment_intent_tenders'),
      transactionId: newId('payment_transactions'),
      tenderType: 'cash',
      amountMinor: (r.amount_minor ?? 0) - (r.amount_paid_minor ?? 0),
    });

  /** The booking whose payment panel is open (one at a time). */
  const [paying, setPaying] = useState<string | null>(null);
  /** The booking whose check-in QR code is shown (one at a time). */
  const [showingQr, setShowingQr] = useState<string | null>(null);

  return (
    <section aria-labelledby="board-title" className="board">
      <div className="board-head">
        <h2 id="board-title">{title}</h2>
        {props.onDayOffset && (
          <nav aria-label="Board day" className="board-days">
            <button type="button" onClick={() => props.onDayOffset?.(offset - 1)} aria-label="Previous day">
              ◀
            </button>
            <button type="button" onClick={() => props.onDayOffset?.(0)} disabled={offset === 0}>
              Today
            </button>
            <button type="button" onClick={() => props.onDayOffset?.(offset + 1)} aria-label="Next day">
              ▶
            </button>
          </nav>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result === undefined && <p>Loading the day…</p>}
      {result && rows.length === 0 && <p>{offset === 0 ? 'No bookings today yet.' : 'No bookings this day yet.'}</p>}
      {result && (
        <Timeline
          timeZone={props.timeZone}
          day={day}
          resources={resources?.rows ?? []}
          rows={rows}
          holds={holds?.rows ?? []}
          onSelect={select}
        />
      )}
      {[...byResource.entries()].map(([resource, list]) => (
        <div key={resource} className="lane">
          <h3>{resource}</h3>
          <ul>
            {list.map((r) => {
              const balance = (r.amount_minor ?? 0) - (r.amount_paid_minor ?? 0);
              return (
                <li
                  key={r.assignment_id}
                  id={`row-${r.assignment_id}`}
                  tabIndex={-1}
                  className={`booking status-${r.status}${selected === `row-${r.assignment_id}` ? ' selected' : ''}`}
                  data-testid="board-booking"
                >
                  <span className="time">
                    {timeLabel(r.starts_at, props.timeZone)}–{timeLabel(r.ends_at, props.timeZone)}
                  </span>
                  <span className="who">{r.customer_name ?? 'Customer'}</span>
                  <span className="what">
                    {r.offer} · {r.booking_code}
                  </span>
                  <span className={`state ${r.status}`}>
                    {r.status.replace('_', ' ')}
                    {r.checked_in_at ? ` ${timeLabel(r.checked_in_at, props.timeZone)}` : ''}
                  </span>
                  {r.status === 'confirmed' && (
                    <>
                      <button type="button" onClick={() => checkIn(r)} aria-label={`Check in ${r.customer_name}`}>
                        Check in
                      </button>
                      <button type="button" onClick={() => noShow(r)} aria-label={`No-show ${r.customer_name}`}>
                        No-show
                      </button>
                    </>
                  )}
                  {r.status === 'confirmed' && (
                    <button
                      type="button"
                      aria-expanded={showingQr === r.assignment_id}
                      onClick={() => setShowingQr(showingQr === r.assignment_id ? null : r.assignment_id)}
                      aria-label={`Check-in QR for ${r.customer_name}`}
                    >
                      QR
                    </button>
                  )}
                  {r.intent_id && balance > 0 && (
                    <button type="button" onClick={() => cash(r)} aria-label={`Take cash from ${r.customer_name}`}>
                      Cash {money(balance, r.currency)}
                    </button>
                  )}
                  {r.intent_id && (
                    <button
                      type="button"
                      aria-expanded={paying === r.assignment_id}
                      onClick={() => setPaying(paying === r.assignment_id ? null : r.assignment_id)}
                      aria-label={`Take payment from ${r.customer_name}`}
                    >
                      {balance > 0 ? 'Take payment…' : 'Payments…'}
                    </button>
                  )}
                  {r.intent_id && balance <= 0 && <span className="paid">Paid</span>}
                  {showingQr === r.assignment_id && (
                    <BookingQr bookingId={r.booking_id} customerName={r.customer_name} bookingCode={r.booking_code} />
                  )}
                  {r.intent_id && paying === r.assignment_id && (
                    <TakePayment
                      intentId={r.intent_id}
                      customerName={r.customer_name}
                      customerUserId={r.customer_user_id}
                      onClose={() => setPaying(null)}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p className="muted">{store.state.online ? '' : 'Offline: changes are saved on this device and sync later.'}</p>
    </section>
  );
}
