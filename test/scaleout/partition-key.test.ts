import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { makeMember, makeOrg, makeTree } from '../support/factories.ts';
import { mutate } from '../../src/platform/context.ts';
import { findOrg } from '../../src/features/orgs/queries.ts';
import { moveOrg } from '../../src/features/orgs/service.ts';
import { generateDataset } from '../../src/demo/generate.ts';

// docs/scale-out.md: province_id is the partition key of the hot tables. Every row carries the id of the
// province its organisation belongs to, kept right when subtrees move, so a distributed PostgreSQL (Citus) can
// co-locate a province's rows and route a province's queries to one shard.
const REQUIRED = ['orgs', 'members'];
const actor = { accountId: null, ip: null, requestId: 'partition-test' };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function tables(): Promise<Map<string, Map<string, boolean>>> {
  const out = new Map<string, Map<string, boolean>>();
  for (const table of await t.ctx.db.introspection.getTables()) {
    out.set(table.name, new Map(table.columns.map((c) => [c.name, c.isNullable])));
  }
  return out;
}

/** Rows whose province_id differs from their organisation's: must be none, in every table that has both. */
async function inconsistencies(): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const [name, cols] of await tables()) {
    if (name === 'orgs' || !cols.has('province_id') || !cols.has('org_id')) continue;
    const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)} x
      join orgs o on o.id = x.org_id where x.province_id <> o.province_id`.execute(t.ctx.db);
    found[name] = Number(r.rows[0]!.n);
  }
  // An organisation belongs to the province it is, or the nearest province above it.
  const orgs = await sql<{
    n: number;
  }>`select count(*) as n from orgs c left join orgs p on p.id = c.parent_id
    where case
      when c.type_code = 'province_committee' or p.id is null then c.province_id <> c.id
      when p.type_code = 'province_committee' then c.province_id <> p.id
      else c.province_id <> p.province_id end`.execute(t.ctx.db);
  found.orgs = Number(orgs.rows[0]!.n);
  return found;
}

describe('province_id, the partition key of the hot tables', () => {
  it('is a required column of the hot tables', async () => {
    const schema = await tables();
    for (const name of REQUIRED) {
      expect(schema.get(name)?.get('province_id'), `${name}.province_id`).toBe(false);
    }
  });

  it('stays consistent when members are added and a subtree moves to another province', async () => {
    const tree = await makeTree(t.ctx);
    await makeMember(t.ctx, tree.branchA1);
    await makeMember(t.ctx, tree.branchB1);
    const other = await makeOrg(t.ctx, {
      parent: null,
      name: 'Đảng bộ tỉnh Hưng Yên',
      type: 'province_committee',
    });
    const district = await makeOrg(t.ctx, {
      parent: other,
      name: 'Đảng bộ huyện Tiên Lữ',
      type: 'district_committee',
    });
    expect(await inconsistencies()).toSatisfy((f: Record<string, number>) =>
      Object.values(f).every((n) => n === 0),
    );
    const communeA = (await findOrg(t.ctx.db, tree.communeA.id))!;
    await mutate(t.ctx, actor, (uow) => moveOrg(uow, communeA, district));
    const moved = await t.ctx.db
      .selectFrom('members')
      .select('province_id')
      .where('org_id', '=', tree.branchA1.id)
      .execute();
    expect(moved.map((m) => m.province_id)).toEqual([other.id]);
    const found = await inconsistencies();
    expect(Object.entries(found).filter(([, n]) => n > 0)).toEqual([]);
  });

  it('is consistent in the generated datasets', async () => {
    await generateDataset(t.ctx, { members: 300, membersPerBranch: 10 });
    const found = await inconsistencies();
    expect(Object.entries(found).filter(([, n]) => n > 0)).toEqual([]);
  });
});
