/**
 * Server-side prepared statements for the write path. A commit runs a dozen short statements;
 * sent unnamed, Postgres parses, analyses and plans every one of them each time, which cost more
 * than executing them. Named after a hash of their text, each is prepared once per connection and
 * then only bound and executed.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { SqlTx } from '../../shared/mutators/types';

/**
 * Distinct texts given a name. Generated texts (multi-row inserts) vary with their row count, so the
 * set is bounded in practice; past the cap, new texts simply run unnamed.
 */
const MAX_NAMED = 2_000;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `p_${createHash('sha1').update(text).digest('base64url')}`;
    names.set(text, name);
  }
  return name;
}

/** Runs `text` as a named (prepared) statement on this connection when it has parameters. */
export function preparedQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  client: pg.ClientBase,
  text: string,
  values?: unknown[],
): Promise<pg.QueryResult<R>> {
  // Without parameters there is nothing to bind; multi-statement texts cannot be prepared at all.
  const name = values?.length ? nameOf(text) : undefined;
  return name ? client.query<R>({ name, text, values }) : client.query<R>(text, values);
}

/** A mutator transaction over `client` whose statements are prepared. */
export function preparedTx(client: pg.ClientBase): SqlTx {
  return {
    query: <R>(text: string, params?: unknown[]) =>
      preparedQuery(client, text, params) as unknown as Promise<{ rows: R[] }>,
  };
}
