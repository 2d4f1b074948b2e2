/** `npm run db:migrate`: migrate the configured database (embedded by default) and exit. */
import { loadConfig } from '../config';
import { startDatabase } from './database';

const started = performance.now();
const running = await startDatabase(loadConfig());
await running.stop();
console.log(`migrations applied (${running.kind} database) in ${Math.round(performance.now() - started)} ms`);
