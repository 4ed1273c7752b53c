// Features that keep something derived from where an organisation sits (stored totals, copied paths) follow a move
// inside the move's own transaction by registering a step here, so the organisations service does not import them.

import type { UnitOfWork } from '../../platform/context.ts';

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
