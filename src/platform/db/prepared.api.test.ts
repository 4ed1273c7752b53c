import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeTree, type SmallTree } from '../../../test/support/factories.ts';
import { prepareQuery } from './prepared.ts';

// Prepared queries must answer exactly what the same query built each time answers, on both databases, and must
// never read another request's uncommitted writes on SQLite's single connection.

let t: TestApp;
let tree: SmallTree;

const orgById = prepareQuery((db, p: { id: string }) =>
  db.selectFrom('orgs').select(['id', 'name', 'path']).where('id', '=', p.id),
);
const orgsIn = prepareQuery((db, p: { ids: string[]; status: 'active' | 'closed' }) =>
  db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('id', 'in', p.ids)
    .where('status', '=', p.status)
    .orderBy('id'),
);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
});
afterAll(async () => t.close());

describe('prepareQuery', () => {
  it('answers what the query built each time answers', async () => {
    for (const org of [tree.province, tree.branchA1, tree.branchB1]) {
      const built = await t.ctx.db
        .selectFrom('orgs')
        .select(['id', 'name', 'path'])
        .where('id', '=', org.id)
        .executeTakeFirst();
      expect(await orgById.first(t.ctx.db, { id: org.id })).toEqual(built);
    }
    expect(await orgById.first(t.ctx.db, { id: 'no-such-org' })).toBeUndefined();
  });

  it('compiles a list once per length and keeps fixed values in place', async () => {
    const ids = [tree.branchB1.id, tree.province.id, tree.branchA1.id];
    for (const n of [1, 2, 3, 2, 1]) {
      const some = ids.slice(0, n);
      const built = await t.ctx.db
        .selectFrom('orgs')
        .select(['id', 'name'])
        .where('id', 'in', some)
        .where('status', '=', 'active')
        .orderBy('id')
        .execute();
      expect(await orgsIn.all(t.ctx.db, { ids: some, status: 'active' })).toEqual(built);
      expect(built).toHaveLength(n);
    }
    expect(await orgsIn.all(t.ctx.db, { ids, status: 'closed' })).toEqual([]);
  });

  it('runs inside a transaction on its connection and sees the transaction’s own writes', async () => {
    await t.ctx.db
      .transaction()
      .execute(async (tx) => {
        await tx.updateTable('orgs').set({ name: 'Tên tạm' }).where('id', '=', tree.branchA1.id).execute();
        expect((await orgById.first(tx, { id: tree.branchA1.id }))?.name).toBe('Tên tạm');
        throw new Error('roll back');
      })
      .catch((err: Error) => expect(err.message).toBe('roll back'));
    expect((await orgById.first(t.ctx.db, { id: tree.branchA1.id }))?.name).toBe(tree.branchA1.name);
  });

  it('never reads another request’s uncommitted writes: it waits for the transaction to end', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const tx = t.ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('orgs').set({ name: 'Chưa lưu' }).where('id', '=', tree.branchB1.id).execute();
      written();
      await held;
      throw new Error('roll back');
    });
    await wrote;
    const read = orgById.first(t.ctx.db, { id: tree.branchB1.id });
    // On PostgreSQL the read runs on another connection at once; on SQLite it queues behind the transaction.
    setTimeout(release, 50);
    expect((await read)?.name).toBe(tree.branchB1.name);
    await expect(tx).rejects.toThrow('roll back');
  });

  it('refuses a placeholder the builder changed, and a value the query does not use', async () => {
    const like = prepareQuery((db, p: { q: string }) =>
      db.selectFrom('orgs').select('id').where('name', 'like', `%${p.q}%`),
    );
    await expect(like.all(t.ctx.db, { q: 'Chi' })).rejects.toThrow(/placeholder changed/);
    const unused = prepareQuery((db, _p: { id: string }) => db.selectFrom('orgs').select('id').limit(1));
    await expect(unused.all(t.ctx.db, { id: 'x' })).rejects.toThrow(/not used/);
  });
});
