import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { createLogger } from '../platform/logging.ts';
import { createEventBus } from '../platform/events/create-bus.ts';
import type { AppContext } from '../platform/context.ts';
import { buildServer } from '../platform/http/server.ts';
import { FEATURES, allMigrations } from './features.ts';

export async function createContext(
  config: Config = loadConfig(),
  opts: { sqliteFile?: string } = {},
): Promise<AppContext> {
  const log = createLogger(config);
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    sqliteFile: opts.sqliteFile,
    onIdleError: (err) => log.warn({ err }, 'database connection dropped'),
  });
  const bus = await createEventBus(config.eventsUrl, {
    onError: (err) => log.warn({ err }, 'event bus connection problem'),
  });
  return { config, database, db: database.db, dialect: database.dialect, bus, log };
}

export async function migrate(ctx: AppContext): Promise<string[]> {
  return migrateToLatest(ctx.db, allMigrations());
}

export async function createApp(ctx: AppContext): Promise<FastifyInstance> {
  return buildServer(ctx, FEATURES);
}

export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.bus.close();
  await ctx.database.close();
}

/** Starts the server and stops it cleanly on SIGINT/SIGTERM: in-flight requests finish, then the database closes. */
export async function serve(config: Config = loadConfig()): Promise<FastifyInstance> {
  const ctx = await createContext(config);
  const applied = await migrate(ctx);
  if (applied.length > 0) ctx.log.info({ applied }, 'migrations applied');
  const app = await createApp(ctx);
  const stoppers = FEATURES.flatMap((f) => {
    const stop = f.start?.(ctx);
    return stop ? [stop] : [];
  });
  await app.listen({ port: config.port, host: config.host });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    ctx.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    for (const stop of stoppers) await stop();
    await closeContext(ctx);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return app;
}
