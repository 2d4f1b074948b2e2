import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_PREFIXES } from '../ids';
import { SCHEMA_MODULES, TABLES } from './registry';

function moduleFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return moduleFiles(path, root);
    const helper = e.name.startsWith('_') || e.name.includes('.test.') || ['registry.ts', 'ddl.ts'].includes(e.name);
    return e.name.endsWith('.ts') && !helper ? [relative(root, path).replace(/\.ts$/, '')] : [];
  });
}

describe('schema registry', () => {
  it('lists every schema module on disk', () => {
    expect(Object.keys(SCHEMA_MODULES).sort()).toEqual(moduleFiles(import.meta.dirname).sort());
  });

  it('has one table per id prefix and no table without one', () => {
    const names = TABLES.map((t) => t.name).sort();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(Object.keys(ID_PREFIXES).sort());
  });
});
