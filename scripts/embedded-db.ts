/**
 * Owns the embedded PostgreSQL for `npm start` (scripts/stack.ts forks it detached, in a process group of
 * its own, so a terminal's Ctrl-C reaches the server and worker — which drain — but not PostgreSQL).
 * Sends `{ url }` once ready; stops PostgreSQL on SIGTERM or when the parent goes away.
 */
import { createLogger, loadConfig, resolveDatabase } from '@stayhub/api/runtime';
import { explainStartupFailure } from '@stayhub/db';

const config = loadConfig();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'stayhub-postgres' });
const database = await resolveDatabase({ ...config, DATABASE_URL: undefined }, logger).catch((error) => {
  // A failure a person can fix goes to the parent as a paragraph, which it prints instead of a stack.
  const explanation = explainStartupFailure(error);
  if (explanation === null) throw error;
  process.send?.({ error: explanation }, () => process.exit(1));
  return new Promise<never>(() => {});
});

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await database.embedded?.stop();
  logger.info('embedded PostgreSQL stopped');
  process.exit(0);
}

process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => {}); // the parent decides when the database stops
process.on('disconnect', () => void stop());
process.send?.({ url: database.url });
