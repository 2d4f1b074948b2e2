/** Entry point: load config, start the database, build the app, listen, close gracefully. */
import { build } from './app';
import { loadConfig } from './config';
import { startDatabase } from './db/database';
import { seedDemo } from './db/seed-demo';

const config = loadConfig();
const running = await startDatabase(config);
if (config.seedDemo) await seedDemo(running.database);
const app = await build({
  config,
  database: running.database,
  dbKind: running.kind,
  clientDir: config.clientDir,
  logger: { level: config.logLevel },
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  await app.close().catch((err) => app.log.error(err));
  await running.stop().catch((err) => app.log.error(err));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(`app on http://localhost:${config.port} (database: ${running.kind})`);
