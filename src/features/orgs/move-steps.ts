// Features that keep something derived from where an organisation sits (stored totals, copied paths) follow a move
// inside the move's own transaction by registering a step here, so the organisations service does not import them.

import { sql } from 'kysely';
import type { UnitOfWork } from '../../platform/context.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';

export interface OrgMove {
  orgId: string;
  oldPath: string;
  newPath: string;
  oldParentId: string;
  newParentId: string;
}

type MoveStep = (uow: UnitOfWork, move: OrgMove) => Promise<void>;

const steps = new Map<string, MoveStep>();

/** Registers (or replaces, by name) a step run in the transaction of every organisation move. */
export function registerOrgMoveStep(name: string, step: MoveStep): void {
  steps.set(name, step);
}

/** Runs every registered step after the organisation and member paths were rewritten. */
export async function runOrgMoveSteps(uow: UnitOfWork, move: OrgMove): Promise<void> {
  for (const step of steps.values()) await step(uow, move);
}

/** A table column that holds a copy of an organisation's path (`/root/…/own/`), e.g. `['meetings', 'org_path']`. */
export type PathColumn = readonly [table: string, column: string];

const pathColumns = new Map<string, readonly PathColumn[]>();

/**
 * Registers columns that copy organisation paths: a move rewrites the moved prefix in each of them in the move's
 * transaction. Without it, a moved branch's records keep the old path, so the committees it left still reach
 * them and the ones it joined do not (every permission check cuts subtrees by path).
 */
export function registerPathColumns(name: string, columns: readonly PathColumn[]): void {
  pathColumns.set(name, columns);
  registerOrgMoveStep(`${name}:paths`, async (uow, move) => {
    const [lo, hi] = subtreeBounds(move.oldPath);
    const cut = move.oldPath.length + 1;
    for (const [table, column] of columns) {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${move.newPath} || substr(${sql.ref(column)}, ${cut})
        where ${sql.ref(column)} >= ${lo} and ${sql.ref(column)} < ${hi}`.execute(uow.trx);
    }
  });
}

/** Every column registered with registerPathColumns (for the test that no path column is forgotten). */
export function registeredPathColumns(): PathColumn[] {
  return [...pathColumns.values()].flat();
}
