import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, clientFor, login, type Client, type TestApp } from '../support/test-app.ts';
import { makeAccount, makeMember, makeTree, PASSWORD } from '../support/factories.ts';
import { ROLE_PERMISSIONS, isRole, type Permission } from '../../src/platform/permissions/roles.ts';
import type { RouteEntry } from '../../src/platform/http/access.ts';
import {
  MATRIX_ROLES,
  type MatrixEntries,
  type MatrixRole,
  type RouteRule,
  type Side,
} from './access-matrix/types.ts';

/**
 * Every route × every role (and no session) × a resource inside / outside the caller's subtree, expected
 * from the route's declared access and the rules in access-matrix/. A route without a rule fails.
 */
type Caller = MatrixRole | 'anonymous';
let t: TestApp;
let sides: { A: Side; B: Side };
const entries: Array<{ file: string; entries: MatrixEntries }> = [];
const rules = new Map<string, { rule: RouteRule; file: string }>();
const clients = new Map<MatrixRole, Client>();
const logins = new Map<MatrixRole, string>();
const readSamples: { A: Record<string, string>; B: Record<string, string> } = { A: {}, B: {} };
const sampleOwners = { A: new Map<string, MatrixEntries>(), B: new Map<string, MatrixEntries>() };

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.ctx);
  const side = async (
    name: 'A' | 'B',
    commune: typeof tree.communeA,
    branch: typeof tree.branchA1,
  ): Promise<Side> => {
    const memberId = await makeMember(t.ctx, branch);
    const acc = await makeAccount(t.ctx, { login: `matrix-member-${name.toLowerCase()}`, memberId });
    return { name, commune, branch, memberId, accountId: acc.id };
  };
  sides = {
    A: await side('A', tree.communeA, tree.branchA1),
    B: await side('B', tree.communeB, tree.branchB1),
  };
  logins.set('member', 'matrix-member-a');
  const secretaryMember = await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, {
    login: 'matrix-secretary',
    memberId: secretaryMember,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  logins.set('secretary', 'matrix-secretary');
  for (const role of ['committee_member', 'office', 'admin'] as const) {
    await makeAccount(t.ctx, { login: `matrix-${role}`, roles: [{ role, org: tree.communeA }] });
    logins.set(role, `matrix-${role}`);
  }
  for (const role of MATRIX_ROLES) clients.set(role, await login(t.app, logins.get(role)!, PASSWORD));

  const dir = new URL('./access-matrix/', import.meta.url);
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.ts') || file === 'types.ts') continue;
    const mod = (await import(new URL(file, dir).href)) as { default: MatrixEntries };
    entries.push({ file, entries: mod.default });
    for (const [key, rule] of Object.entries(mod.default.routes)) {
      if (rules.has(key)) throw new Error(`${key} has rules in ${rules.get(key)!.file} and ${file}`);
      rules.set(key, { rule, file });
    }
  }
  for (const s of ['A', 'B'] as const) {
    for (const e of entries) {
      if (!e.entries.samples) continue;
      const made = await e.entries.samples(t.ctx, sides[s]);
      for (const prefix of Object.keys(made)) sampleOwners[s].set(prefix, e.entries);
      Object.assign(readSamples[s], made);
    }
  }
});
afterAll(() => t?.close());

async function samplesFor(side: Side): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of entries) if (e.entries.samples) Object.assign(out, await e.entries.samples(t.ctx, side));
  return out;
}

/** Fresh resources of the one feature that serves the URL, over the side's read samples (others are untouched). */
async function freshSamplesFor(side: Side, url: string): Promise<Record<string, string>> {
  const read = readSamples[side.name];
  const prefix = Object.keys(read)
    .filter((p) => url.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  const owner = prefix === undefined ? undefined : sampleOwners[side.name].get(prefix);
  if (!owner?.samples) return samplesFor(side);
  return { ...read, ...(await owner.samples(t.ctx, side)) };
}

function fill(url: string, samples: Record<string, string>): string {
  if (!url.includes(':')) return url;
  const prefix = Object.keys(samples)
    .filter((p) => url.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (!prefix) throw new Error(`no sample for ${url}: add one to a file in test/security/access-matrix/`);
  // A sub-resource (`:commentId`) takes its own sample (`/api/v1/meetings/:commentId`) when the feature gives
  // one, else the resource's id.
  return url.replace(/:([a-zA-Z]+)/g, (_, name: string) =>
    name !== 'id' && samples[`${prefix}:${name}`] ? samples[`${prefix}:${name}`]! : samples[prefix]!,
  );
}

/** Which grant of the role covers a resource: side A's member and secretary hold the branch, the rest the commune. */
function covers(role: MatrixRole, target: RouteRule['target']): boolean {
  if (target === 'commune') return role === 'committee_member' || role === 'office' || role === 'admin';
  return true;
}

export function expected(route: RouteEntry, rule: RouteRule, caller: Caller, inside: boolean): boolean {
  if (route.access === 'public') return true;
  if (caller === 'anonymous') return false;
  const list = inside ? rule.inside : rule.outside;
  if (list) return list.includes(caller);
  if (!inside) return false;
  if (route.access === 'session' || route.access === 'authenticated') {
    if (rule.target === 'own' || rule.target === 'global') return true;
    throw new Error(
      `${route.method} ${route.url}: declare inside/outside for an ${route.access} route on a resource`,
    );
  }
  if (!isRole(caller)) return false;
  return ROLE_PERMISSIONS[caller].has(route.access as Permission) && covers(caller, rule.target);
}

async function openStream(c: Client | null, url: string) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: c?.cookie ?? '', 'x-sotay-client': 'test' },
    payloadAsStream: true,
  });
  const stream = res.stream();
  if (res.statusCode === 200) {
    stream.destroy();
    return { statusCode: res.statusCode, body: '' };
  }
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return { statusCode: res.statusCode, body: text };
}

function call(c: Client | null, method: string, url: string, body: unknown) {
  const client = c ?? clientFor(t.app);
  if (method === 'GET') return client.get(url);
  if (method === 'DELETE') return client.delete(url);
  if (method === 'PUT') return client.put(url, body);
  if (method === 'PATCH') return client.patch(url, body);
  return client.post(url, body);
}

/** 403 and 404 refuse; 401 refuses only when it asks for a sign-in (a wrong password is the handler's answer). */
function isDenial(status: number, body: string): boolean {
  if (status === 403 || status === 404) return true;
  if (status !== 401) return false;
  const code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  return code === 'AUTH_REQUIRED' || code === 'AUTH_SECOND_FACTOR_REQUIRED';
}

describe('authorisation matrix', () => {
  it('has a rule for every route in the route table', () => {
    const missing = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !rules.has(k));
    expect(missing, 'add rules in test/security/access-matrix/<feature>.ts').toEqual([]);
    const stale = [...rules.keys()].filter(
      (k) => !t.app.routeTable.some((r) => `${r.method} ${r.url}` === k),
    );
    expect(stale, 'rules for routes that no longer exist').toEqual([]);
  });

  it('allows and denies every role inside and outside its subtree as declared', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const route of t.app.routeTable.filter((r) => r.url.startsWith('/api/v1/'))) {
      const found = rules.get(`${route.method} ${route.url}`);
      if (!found) continue;
      const { rule } = found;
      const placements: Array<'A' | 'B'> =
        rule.target === 'own' || rule.target === 'global' ? ['A'] : ['A', 'B'];
      for (const s of placements) {
        for (const caller of ['anonymous', ...MATRIX_ROLES] as Caller[]) {
          const change = route.method !== 'GET';
          // A change gets fresh resources, so one caller's deletion or closing does not decide the next.
          const samples =
            change && route.url.includes(':') ? await freshSamplesFor(sides[s], route.url) : readSamples[s];
          const query = typeof rule.query === 'function' ? rule.query(samples, sides[s]) : rule.query;
          const url = fill(route.url, samples) + (query ? `?${query}` : '');
          const body = rule.body ? rule.body(samples, sides[s]) : {};
          const client = caller === 'anonymous' ? null : clients.get(caller)!;
          const res = rule.stream
            ? await openStream(client, url)
            : await call(client, route.method, url, body);
          calls++;
          if (rule.endsSession && caller !== 'anonymous')
            clients.set(caller, await login(t.app, logins.get(caller)!, PASSWORD));
          const allow = expected(route, rule, caller, s === 'A');
          const denied = isDenial(res.statusCode, res.body);
          const where = `${caller} ${route.method} ${url} (${s === 'A' ? 'inside' : 'outside'}) → ${res.statusCode} ${res.body.slice(0, 160)}`;
          if (res.statusCode >= 500) failures.push(`server error: ${where}`);
          else if (allow && denied) failures.push(`expected allow: ${where}`);
          else if (!allow && !denied) failures.push(`expected deny: ${where}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(100);
    expect(failures).toEqual([]);
    // Thousands of calls over HTTP, each change on fresh resources: minutes on a shared machine.
  }, 600_000);

  it('derives expectations from the declared access', () => {
    const route = { method: 'GET', url: '/x/:id', access: 'member.read' };
    const rule: RouteRule = { target: 'branch' };
    expect(expected(route, rule, 'secretary', true)).toBe(true);
    expect(expected(route, rule, 'member', true)).toBe(false);
    expect(expected(route, rule, 'secretary', false)).toBe(false);
    expect(expected(route, rule, 'anonymous', true)).toBe(false);
    expect(expected({ ...route, access: 'org.manage' }, { target: 'commune' }, 'office', true)).toBe(true);
    expect(expected({ ...route, access: 'org.manage' }, { target: 'commune' }, 'secretary', true)).toBe(
      false,
    );
    expect(() => expected({ ...route, access: 'authenticated' }, rule, 'member', true)).toThrow();
  });
});
