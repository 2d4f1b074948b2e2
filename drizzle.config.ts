import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'drizzle-kit';

// Every domain file under shared/schema (tests and helpers excluded); no barrel file needed.
function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return schemaFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.startsWith('_') ? [`./${path}`] : [];
  });
}

export default defineConfig({
  dialect: 'postgresql',
  schema: schemaFiles('shared/schema').filter((f) => !f.endsWith('registry.ts') && !f.endsWith('ddl.ts')),
  out: './migrations',
  strict: true,
  verbose: false,
});
