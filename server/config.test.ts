import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const base = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'bizing-config-')), AUTH_SECRET: 'k'.repeat(40) });

describe('loadConfig', () => {
  it('defaults and freezes what it reads', () => {
    const config = loadConfig(base());
    expect([config.port, config.commitConcurrency, config.seedDemo]).toEqual([3000, 2, true]);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('takes a commit concurrency within its range and names the key of a bad one', () => {
    expect(loadConfig({ ...base(), COMMIT_CONCURRENCY: '8' }).commitConcurrency).toBe(8);
    for (const bad of ['0', '65', '2.5', 'lots']) {
      expect(() => loadConfig({ ...base(), COMMIT_CONCURRENCY: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base(), COMMIT_CONCURRENCY: bad })).toThrow(/COMMIT_CONCURRENCY/);
    }
  });
});
