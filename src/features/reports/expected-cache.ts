// Expected reports per period, kept between requests until the assignments or the organisation tree change.
//
// Completeness and timeliness need, for a period, every report the committees' assignments ask for. Working that
// out walks every assignment over the whole tree; the answer only changes when an assignment is made or ended, or
// when an organisation is added, moved, renamed or closed. So one snapshot (the whole tree, every assignment, and
// the expected list of each period asked for) is kept per database handle, and every use first reads a small
// fingerprint of both inputs from the database:
//   - assignments: their count and a counter bumped in the same transaction as every change made through the API
//     (`bumpAssignmentStamp`), so an ended assignment is seen even though no row is added;
//   - organisations: their count and the latest `updated_at`, which the organisation service sets on every
//     creation, rename, move and closure.
// A different fingerprint drops the snapshot. The fingerprint is read on every use, so several server processes
// sharing one database never serve a stale list.

import type { DbOrTx } from '../../platform/db/database.ts';
import {
  buildTree,
  expectedReports,
  type Assignment,
  type ExpectedReport,
  type OrgTree,
  type OrgUnit,
} from './domain/index.ts';
import { bumpStamp, readStamp } from './stamps.ts';
import { toAssignment } from './store.ts';

/** Periods kept per snapshot (a committee looks at a few months; the bench at one). */
const MAX_PERIODS = 48;

export interface ExpectedSnapshot {
  fingerprint: string;
  tree: OrgTree;
  /** Materialised path of every organisation, to cut a committee's subtree out of the whole list. */
  paths: ReadonlyMap<string, string>;
  assignments: readonly Assignment[];
  byPeriod: Map<string, readonly ExpectedReport[]>;
}

const snapshots = new WeakMap<object, ExpectedSnapshot>();
/** How many times a snapshot was built, per database handle (tests check invalidation with it). */
const builds = new WeakMap<object, number>();

/** Counts one change to the assignments; call inside the transaction that makes it. */
export function bumpAssignmentStamp(db: DbOrTx): Promise<void> {
  return bumpStamp(db, 'assignments');
}

async function fingerprintOf(db: DbOrTx): Promise<string> {
  const [orgs, assignments, stamp] = await Promise.all([
    db
      .selectFrom('orgs')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('u')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('report_assignments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    readStamp(db, 'assignments'),
  ]);
  return [Number(orgs.n), orgs.u ?? '', Number(assignments.n), stamp].join('|');
}

async function build(db: DbOrTx, fingerprint: string): Promise<ExpectedSnapshot> {
  const [orgs, rows] = await Promise.all([
    db.selectFrom('orgs').select(['id', 'parent_id', 'path', 'type_code', 'name', 'closed_at']).execute(),
    db.selectFrom('report_assignments').selectAll().execute(),
  ]);
  // Same units as store.treeAround: organisations count as existing since always, until they are closed.
  const units: OrgUnit[] = orgs.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    type: r.type_code,
    name: r.name,
    closedOn: r.closed_at ? r.closed_at.slice(0, 10) : null,
  }));
  return {
    fingerprint,
    tree: buildTree(units),
    paths: new Map(orgs.map((r) => [r.id, r.path])),
    assignments: rows.map(toAssignment),
    byPeriod: new Map(),
  };
}

/** The current snapshot for this database, rebuilt when the assignments or the tree changed. */
export async function expectedSnapshot(db: DbOrTx): Promise<ExpectedSnapshot> {
  const fingerprint = await fingerprintOf(db);
  const kept = snapshots.get(db);
  if (kept && kept.fingerprint === fingerprint) return kept;
  const fresh = await build(db, fingerprint);
  snapshots.set(db, fresh);
  builds.set(db, (builds.get(db) ?? 0) + 1);
  return fresh;
}

/** Every expected report of the period in the whole tree (computed once per snapshot and period). */
export function expectedIn(snapshot: ExpectedSnapshot, period: string): readonly ExpectedReport[] {
  let list = snapshot.byPeriod.get(period);
  if (!list) {
    list = expectedReports(snapshot.assignments, snapshot.tree, period);
    if (snapshot.byPeriod.size >= MAX_PERIODS) {
      const oldest = snapshot.byPeriod.keys().next().value;
      if (oldest !== undefined) snapshot.byPeriod.delete(oldest);
    }
    snapshot.byPeriod.set(period, list);
  }
  return list;
}

/**
 * Expected reports of the period for organisations in the committee's subtree. The same as
 * `expectedReports(assignmentsAround(path), treeAround(path), period)`: an organisation can only be asked by
 * committees at or above it, and those are all in the snapshot.
 */
export async function expectedForSubtree(
  db: DbOrTx,
  committeePath: string,
  period: string,
  templateCode?: string,
): Promise<{ expected: ExpectedReport[]; tree: OrgTree }> {
  const snapshot = await expectedSnapshot(db);
  const expected = expectedIn(snapshot, period).filter(
    (e) =>
      (snapshot.paths.get(e.orgId) ?? '').startsWith(committeePath) &&
      (!templateCode || e.templateCode === templateCode),
  );
  return { expected, tree: snapshot.tree };
}

/** Number of snapshots built so far for this database handle. */
export function snapshotBuilds(db: DbOrTx): number {
  return builds.get(db) ?? 0;
}
