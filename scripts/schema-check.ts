/**
 * Schema check for work in progress: loads every module under shared/schema that imports cleanly,
 * applies the SQL Drizzle would generate to a scratch embedded Postgres, and checks the tenancy
 * rules for the tables of the files named on the command line (all files when none are named).
 *
 *   npx tsx scripts/schema-check.ts shared/schema/queue.ts
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { startEmbeddedPostgres } from '../server/db/embedded';
import { ID_PREFIXES } from '../shared/ids';

const GLOBAL_TABLES = new Set(['bizes', 'users', 'sessions', 'accounts', 'verifications']);

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return schemaFiles(path);
    const skip = e.name.startsWith('_') || e.name.endsWith('.test.ts') || ['registry.ts', 'ddl.ts'].includes(e.name);
    return e.name.endsWith('.ts') && !skip ? [path] : [];
  });
}

const root = resolve(import.meta.dirname, '..');
const files = schemaFiles(join(root, 'shared/schema'));
const focus = new Set(process.argv.slice(2).map((f) => resolve(f)));
const imports: Record<string, unknown> = {};
const focusTables: PgTable[] = [];
let problems = 0;
const problem = (msg: string) => {
  problems++;
  console.log(`  ✗ ${msg}`);
};

for (const file of files) {
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      imports[`${relative(root, file)}:${name}`] = value;
      if (is(value, PgTable) && (focus.size === 0 || focus.has(file))) focusTables.push(value);
    }
  } catch (err) {
    console.log(`skipped ${relative(root, file)} (does not import: ${(err as Error).message.split('\n')[0]})`);
  }
}

const allTables = new Map<string, PgTable>();
for (const v of Object.values(imports)) if (is(v, PgTable)) allTables.set(getTableConfig(v).name, v);

console.log(`rules for ${focusTables.length} table(s):`);
for (const table of focusTables) {
  const cfg = getTableConfig(table);
  const cols = new Map(cfg.columns.map((c) => [c.name, c]));
  const tenant = !GLOBAL_TABLES.has(cfg.name);
  if (!(cfg.name in ID_PREFIXES)) problem(`${cfg.name}: no id prefix in shared/ids.ts`);
  if (tenant) {
    const biz = cols.get('biz_id');
    if (!biz || (!biz.notNull && cfg.name !== 'stripe_webhook_events'))
      problem(`${cfg.name}: biz_id missing or nullable`);
    const hasBizIdUnique = cfg.uniqueConstraints.some((u) => u.columns.map((c) => c.name).join() === 'biz_id,id');
    if (!hasBizIdUnique) problem(`${cfg.name}: no unique (biz_id, id)`);
  }
  for (const fk of cfg.foreignKeys) {
    const ref = fk.reference();
    const target = getTableConfig(ref.foreignTable).name;
    const local = ref.columns.map((c) => c.name);
    if (tenant && !GLOBAL_TABLES.has(target) && !local.includes('biz_id'))
      problem(`${cfg.name}: FK (${local.join(', ')}) -> ${target} does not include biz_id`);
  }
  if (!cfg.columns.some((c) => c.name === 'id' && c.primary)) problem(`${cfg.name}: id is not the primary key`);
}

const json = generateDrizzleJson(imports);
const statements = await generateMigration(generateDrizzleJson({}), json);
const db = await startEmbeddedPostgres({ dir: join(tmpdir(), `schema-check-${process.pid}`), ephemeral: true });
const client = new pg.Client({ connectionString: db.url });
await client.connect();
try {
  for (const s of statements) {
    try {
      await client.query(s);
    } catch (err) {
      problem(`SQL failed: ${(err as Error).message}\n      ${s.slice(0, 300).replace(/\n/g, ' ')}`);
    }
  }
  console.log(`applied ${statements.length} statements for ${allTables.size} tables`);
} finally {
  await client.end();
  await db.stop();
}
console.log(problems ? `${problems} problem(s)` : 'ok');
process.exit(problems ? 1 : 0);
