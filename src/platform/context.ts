import type { Config } from './config.ts';
import type { DatabaseHandle, Db, Dialect, Tx } from './db/database.ts';
import type { EventBus, DomainEvent } from './events/bus.ts';
import type { Logger } from './logging.ts';
import type { AuditActor, AuditEntry } from './audit/audit.ts';
import { writeAudit } from './audit/audit.ts';

/** What every feature gets: built once at start-up, shared by all requests. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  dialect: Dialect;
  bus: EventBus;
  log: Logger;
}

export interface UnitOfWork {
  trx: Tx;
  audit(entry: AuditEntry): Promise<void>;
  /** Queued and published only after the transaction commits. */
  emit(event: DomainEvent): void;
}

/**
 * Runs a change in one transaction with its audit records; events go out after commit, so no subscriber ever
 * sees a change that was rolled back.
 */
export async function mutate<T>(
  ctx: AppContext,
  actor: AuditActor,
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
  const events: DomainEvent[] = [];
  const result = await ctx.db.transaction().execute(async (trx) =>
    work({
      trx,
      audit: (entry) => writeAudit(trx, actor, entry),
      emit: (event) => events.push(event),
    }),
  );
  for (const event of events) {
    await ctx.bus
      .publish(event)
      .catch((err: unknown) => ctx.log.error({ err, topic: event.topic }, 'event lost'));
  }
  return result;
}
