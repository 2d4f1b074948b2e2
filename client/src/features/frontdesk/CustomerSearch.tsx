/**
 * Find a customer by name, email or phone (any formatting) over the device's synced bookings — works
 * offline — with their visits, today's booking checked in from the result.
 */
import { useLiveQuery } from '@electric-sql/pglite-react';
import { useState } from 'react';
import { newId } from '../../../../shared/ids';
import { dayWindow, timeLabel } from '../time';
import { useMutate } from '../useMutate';

interface HitRow {
  id: string;
  booking_code: string;
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  status: string;
  starts_at: string | null;
  offer: string;
}

const SEARCH_SQL = `
  SELECT b.id, b.booking_code, b.customer_name, b.customer_email, b.customer_phone, b.status,
         b.confirmed_start_at AS starts_at, o.name AS offer
  FROM booking_orders b JOIN offers o ON o.id = b.offer_id
  WHERE b.deleted_at IS NULL AND (
    b.customer_name ILIKE $1 OR b.customer_email ILIKE $1 OR b.booking_code ILIKE $1
    OR ($2::text <> '' AND regexp_replace(coalesce(b.customer_phone, ''), '[^0-9]', '', 'g') LIKE $2::text))
  ORDER BY b.confirmed_start_at DESC NULLS LAST, b.id
  LIMIT 300`;

/** `%` and `_` typed by the user are literal characters, not wildcards. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Customer {
  key: string;
  name: string;
  email: string | null;
  phone: string | null;
  bookings: HitRow[];
}

function customersOf(rows: HitRow[]): Customer[] {
  const out = new Map<string, Customer>();
  for (const r of rows) {
    // One person across bookings: same email, else same phone digits, else same name.
    const key =
      r.customer_email?.toLowerCase() ||
      r.customer_phone?.replace(/\D/g, '') ||
      (r.customer_name ?? '').trim().toLowerCase() ||
      r.id;
    const c = out.get(key) ?? {
      key,
      name: r.customer_name ?? 'Customer',
      email: r.customer_email,
      phone: r.customer_phone,
      bookings: [],
    };
    c.email ??= r.customer_email;
    c.phone ??= r.customer_phone;
    c.bookings.push(r);
    out.set(key, c);
  }
  return [...out.values()].slice(0, 25);
}

export function CustomerSearch(props: { timeZone: string }) {
  const [term, setTerm] = useState('');
  const { mutate, error } = useMutate();
  const q = term.trim();
  const digits = q.replace(/\D/g, '');
  const active = q.length >= 2;
  const result = useLiveQuery<HitRow>(SEARCH_SQL, [
    active ? `%${likeEscape(q)}%` : '',
    active && digits.length >= 3 ? `%${digits}%` : '',
  ]);
  const customers = active ? customersOf(result?.rows ?? []) : [];
  const today = dayWindow(props.timeZone);
  const isToday = (iso: string | null) => iso !== null && new Date(iso) >= today.start && new Date(iso) < today.end;

  return (
    <section aria-labelledby="search-title" className="customers">
      <h2 id="search-title">Customers</h2>
      <label>
        Search customers
        <input
          type="search"
          value={term}
          placeholder="Name, email, phone or booking code"
          onChange={(e) => setTerm(e.target.value)}
          autoComplete="off"
        />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!active && <p className="muted">Type at least two characters.</p>}
      {active && result && customers.length === 0 && <p>No customer matches “{q}”.</p>}
      <p className="visually-hidden" role="status">
        {active && result ? `${customers.length} customer(s) found` : ''}
      </p>
      {customers.map((c) => {
        const upcoming = c.bookings.filter((b) => b.starts_at && new Date(b.starts_at) >= today.start);
        const past = c.bookings.length - upcoming.length;
        return (
          <article key={c.key} className="customer" data-testid="customer-result">
            <h3>{c.name}</h3>
            <p className="muted">
              {[c.email, c.phone].filter(Boolean).join(' · ') || 'No contact details'} · {past} past visit(s)
            </p>
            <ul>
              {upcoming
                .slice()
                .reverse()
                .slice(0, 5)
                .map((b) => (
                  <li key={b.id}>
                    <span>
                      {b.starts_at &&
                        new Date(b.starts_at).toLocaleDateString(undefined, {
                          weekday: 'short',
                          month: 'short',
                          day: 'numeric',
                          timeZone: props.timeZone,
                        })}{' '}
                      {b.starts_at && timeLabel(b.starts_at, props.timeZone)}
                    </span>
                    <span>
                      {b.offer} · {b.booking_code}
                    </span>
                    <span className={`state ${b.status}`}>{b.status.replace('_', ' ')}</span>
                    {b.status === 'confirmed' && isToday(b.starts_at) && (
                      <button
                        type="button"
                        aria-label={`Check in ${c.name}`}
                        onClick={() =>
                          void mutate('bookings.checkIn', {
                            id: b.id,
                            checkpointId: newId('fulfillment_checkpoints'),
                            method: 'button',
                          })
                        }
                      >
                        Check in
                      </button>
                    )}
                  </li>
                ))}
              {upcoming.length === 0 && <li className="muted">No upcoming bookings.</li>}
            </ul>
          </article>
        );
      })}
    </section>
  );
}
