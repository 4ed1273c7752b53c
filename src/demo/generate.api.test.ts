import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';
import { generateDataset } from './generate.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('generateDataset', () => {
  it('writes every member with an account in a branch, and one secretary per branch', async () => {
    const seen: number[] = [];
    const result = await generateDataset(t.ctx, {
      members: 3_217,
      membersPerBranch: 20,
      plugins: [],
      onProgress: (done) => seen.push(done),
    });
    expect(result.members).toBe(3_217);
    const db = t.ctx.db;
    const count = async (table: 'members' | 'accounts' | 'orgs') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('members')).toBe(3_217);
    // Every member can sign in, plus the administrator of the dataset.
    expect(await count('accounts')).toBe(3_218);
    const branches = await db.selectFrom('orgs').select('id').where('type_code', '=', 'branch').execute();
    expect(branches).toHaveLength(Math.ceil(3_217 / 20));
    const outside = await db
      .selectFrom('members')
      .leftJoin('orgs', 'orgs.id', 'members.org_id')
      .select('members.id')
      .where((eb) => eb.or([eb('orgs.type_code', 'is', null), eb('orgs.type_code', '!=', 'branch')]))
      .execute();
    expect(outside).toEqual([]);
    const secretaries = await db
      .selectFrom('role_grants')
      .select('org_id')
      .where('role', '=', 'secretary')
      .execute();
    expect(new Set(secretaries.map((s) => s.org_id)).size).toBe(branches.length);
    // Progress is reported as it goes (several batches), ending at the total.
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(3_217);
  });
});
