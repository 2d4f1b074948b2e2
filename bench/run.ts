/**
 * `npm run bench [-- <group>...]`: runs the benchmark groups and merges their figures into
 * bench/results.json (a flat {metric: number} object), printing a readable table.
 * Each group lives in bench/<group>.ts and exports `run(ctx)`, returning its metrics.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Metrics = Record<string, number>;
export interface BenchContext {
  /** A scratch directory for this group (deleted afterwards). */
  tmpDir: string;
  log(line: string): void;
}
export type BenchGroup = (ctx: BenchContext) => Promise<Metrics>;

const here = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(here, 'results.json');

const GROUPS: Record<string, () => Promise<{ run: BenchGroup }>> = {
  db: () => import('./db'),
  availability: () => import('./availability'),
  sync: () => import('./sync'),
  commits: () => import('./commits'),
  fanout: () => import('./fanout'),
  client: () => import('./client'),
};

async function main() {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = requested.filter((g) => !(g in GROUPS));
  if (unknown.length) {
    console.error(`unknown bench group(s): ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`);
    process.exit(2);
  }
  const groups = requested.length ? requested : Object.keys(GROUPS);
  const results: Metrics = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  let failed = false;
  for (const name of groups) {
    const tmpDir = resolve(here, '.tmp', name);
    rmSync(tmpDir, { recursive: true, force: true });
    mkdirSync(tmpDir, { recursive: true });
    const started = performance.now();
    console.log(`\n▶ ${name}`);
    try {
      const mod = await GROUPS[name]!();
      const metrics = await mod.run({ tmpDir, log: (l) => console.log(`  ${l}`) });
      Object.assign(results, metrics);
      writeFileSync(RESULTS, `${JSON.stringify(sortKeys(results), null, 2)}\n`);
      printTable(metrics);
      console.log(`  (${name} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed = true;
      console.error(`  ✗ ${name} failed:`, err);
    } finally {
      rmSync(tmpDir, { recursive: true, force: true });
    }
  }
  console.log(`\nresults written to ${RESULTS}`);
  process.exit(failed ? 1 : 0);
}

function sortKeys(m: Metrics): Metrics {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => a.localeCompare(b)));
}

function printTable(m: Metrics) {
  const width = Math.max(...Object.keys(m).map((k) => k.length));
  for (const [k, v] of Object.entries(m)) {
    console.log(`  ${k.padEnd(width)}  ${Number.isInteger(v) ? v : v.toFixed(3)}`);
  }
}

await main();
