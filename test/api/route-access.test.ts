import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSamples } from './route-samples/types.ts';
import { createTestApp, login, type Client, type TestApp } from '../support/test-app.ts';
import { makeAccount, makeMember, makeTree, PASSWORD, type SmallTree } from '../support/factories.ts';

/**
 * Every API route, called by accounts from another subtree (an ordinary member, a branch secretary and a
 * commune committee member of commune B) against resources of commune A: none may succeed. A new route with an
 * `:id` parameter fails this test until a sample resource for it is listed below.
 */
let t: TestApp;
let tree: SmallTree;
let outsiders: Array<{ name: string; client: Client }>;
const samples: Record<string, string> = {};

// Routes whose whole point is the caller's own account; they take no resource of anyone else.
const SELF_ROUTES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
  'GET /api/v1/auth/sessions',
  'GET /api/v1/me',
  'PUT /api/v1/me/preferences',
  'GET /api/v1/org-types',
]);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  const memberA = await makeMember(t.ctx, tree.branchA1);
  const acc = await makeAccount(t.ctx, {
    memberId: memberA,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  const grant = await t.ctx.db
    .selectFrom('role_grants')
    .select('id')
    .where('account_id', '=', acc.id)
    .executeTakeFirstOrThrow();
  samples['/api/v1/orgs/'] = tree.branchA1.id;
  samples['/api/v1/members/'] = memberA;
  samples['/api/v1/accounts/'] = acc.id;
  samples['/api/v1/role-grants/'] = grant.id;
  // Each feature lists its own samples in route-samples/, so features never edit this file.
  const dir = new URL('./route-samples/', import.meta.url);
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ts') || file === 'types.ts') continue;
    const mod = (await import(new URL(file, dir).href)) as { default: RouteSamples; selfRoutes?: string[] };
    for (const route of mod.selfRoutes ?? []) SELF_ROUTES.add(route);
    Object.assign(samples, await mod.default(t.ctx, tree, { memberId: memberA, accountId: acc.id }));
  }
  const mB = await makeMember(t.ctx, tree.branchB1);
  const sB = await makeMember(t.ctx, tree.branchB1);
  await makeAccount(t.ctx, { login: 'out-member', memberId: mB });
  await makeAccount(t.ctx, {
    login: 'out-secretary',
    memberId: sB,
    roles: [{ role: 'secretary', org: tree.branchB1 }],
  });
  await makeAccount(t.ctx, {
    login: 'out-commune',
    roles: [
      { role: 'committee_member', org: tree.communeB },
      { role: 'office', org: tree.communeB },
    ],
  });
  outsiders = await Promise.all(
    ['out-member', 'out-secretary', 'out-commune'].map(async (name) => ({
      name,
      client: await login(t.app, name, PASSWORD),
    })),
  );
});
afterAll(() => t?.close());

function fill(url: string): string {
  if (!url.includes(':')) return url;
  const prefix = Object.keys(samples).find((p) => url.startsWith(p));
  if (!prefix) throw new Error(`no sample resource for ${url}: add one in test/api/route-samples/`);
  return url.replace(/:[a-zA-Z]+/g, samples[prefix]!);
}

function call(c: Client, method: string, url: string, body: unknown) {
  if (method === 'GET') return c.get(url);
  if (method === 'DELETE') return c.delete(url);
  if (method === 'PUT') return c.put(url, body);
  if (method === 'PATCH') return c.patch(url, body);
  return c.post(url, body);
}

describe('no route reaches outside the caller’s subtree', () => {
  it('covers every API route', () => {
    const routes = t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/'));
    expect(routes.length).toBeGreaterThan(15);
    for (const r of routes) {
      if (SELF_ROUTES.has(`${r.method} ${r.url}`)) continue;
      expect(() => fill(r.url), `${r.method} ${r.url}`).not.toThrow();
    }
  });

  it('refuses outsiders on every route that names a resource of another subtree', async () => {
    const routes = t.app.routeTable.filter(
      (r) => r.url.startsWith('/api/v1/') && !SELF_ROUTES.has(`${r.method} ${r.url}`),
    );
    for (const r of routes) {
      const url = fill(r.url);
      for (const o of outsiders) {
        const body =
          r.url === '/api/v1/orgs' ? { parentId: tree.communeA.id, name: 'Chi bộ lạ', type: 'branch' } : {};
        const res = await call(o.client, r.method, url, body);
        const where = `${o.name} ${r.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect([400, 403, 404, 415, 422], where).toContain(res.statusCode);
        if (res.statusCode !== 403 && res.statusCode !== 404) {
          // Validation may answer first; it never writes anything.
          expect(res.json().error.code, where).toMatch(
            /^(VALIDATION_FAILED|UPLOAD_REQUIRED|UNSUPPORTED_MEDIA_TYPE|ROLE_UNKNOWN)$/,
          );
        }
      }
    }
  });
});
