import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  login,
  testDialect,
  type Client,
  type TestApp,
} from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { mutate } from '../../platform/context.ts';
import { createMeeting } from '../meetings/service.ts';
import { PATH_COLUMNS as CONTENT_PATH_COLUMNS } from '../documents/org-moves.ts';
import { registeredPathColumns } from './move-steps.ts';

let t: TestApp;
let tree: SmallTree;
let admin: Client;
let communeA: Client;
let communeB: Client;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'admin', roles: [{ role: 'admin', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'communea', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'communeb', roles: [{ role: 'committee_member', org: tree.communeB }] });
  admin = await login(t.app, 'admin', PASSWORD);
  communeA = await login(t.app, 'communea', PASSWORD);
  communeB = await login(t.app, 'communeb', PASSWORD);
});
afterAll(() => t?.close());

/** Columns named like a path in the live schema of either database. */
async function pathColumnsOfSchema(): Promise<string[]> {
  if (testDialect() === 'postgres') {
    const r = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_name like '%path'`.execute(t.ctx.db);
    return r.rows.map((c) => `${c.table_name}.${c.column_name}`);
  }
  const tables = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(t.ctx.db);
  const out: string[] = [];
  for (const { name } of tables.rows) {
    const cols = await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(t.ctx.db);
    for (const c of cols.rows) if (c.name.endsWith('path')) out.push(`${name}.${c.name}`);
  }
  return out;
}

describe('organisation paths copied into other tables', () => {
  it('are all rewritten when a subtree moves, or deliberately kept', async () => {
    const handled = new Set([
      // The tree itself and the members' copy: the organisations service rewrites them.
      'orgs.path',
      'members.org_path',
      // The audit log records where an action happened at the time; its entries are hash-chained, never rewritten.
      'audit_log.org_path',
      // The roll-up is corrected by the supervision feature's own move step (it also moves the level sums).
      'supervision_monthly.org_path',
      ...CONTENT_PATH_COLUMNS.map(([table, column]) => `${table}.${column}`),
      ...registeredPathColumns().map(([table, column]) => `${table}.${column}`),
    ]);
    const forgotten = (await pathColumnsOfSchema()).filter((c) => !handled.has(c));
    expect(forgotten).toEqual([]);
  });

  it('move a branch’s meetings and tasks with it: the committee it joins sees them, the one it left does not', async () => {
    const memberId = await makeMember(t.ctx, tree.branchA1);
    const actor = { accountId: null, ip: null, requestId: 'test' };
    const meetingId = await mutate(t.ctx, actor, (uow) =>
      createMeeting(
        uow,
        tree.branchA1,
        {
          kind: 'regular',
          startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          place: 'Nhà văn hóa',
          online: false,
        },
        { accountId: 'x', memberId },
      ),
    );
    expect((await communeA.get(`/api/v1/meetings/${meetingId}`)).statusCode).toBe(200);
    expect((await communeB.get(`/api/v1/meetings/${meetingId}`)).statusCode).toBe(404);

    const moved = await admin.post(`/api/v1/orgs/${tree.branchA1.id}/move`, {
      newParentId: tree.communeB.id,
    });
    expect(moved.statusCode).toBe(200);
    const newPath = (moved.json() as { path: string }).path;
    expect(newPath.startsWith(tree.communeB.path)).toBe(true);

    const row = await t.ctx.db
      .selectFrom('meetings')
      .select('org_path')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(row.org_path).toBe(newPath);
    expect((await communeB.get(`/api/v1/meetings/${meetingId}`)).statusCode).toBe(200);
    expect((await communeA.get(`/api/v1/meetings/${meetingId}`)).statusCode).toBe(404);
  });
});
