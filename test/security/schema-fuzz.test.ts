import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { makeAccount, makeMember, makeTree } from '../support/factories.ts';
import { createSession, SESSION_COOKIE } from '../../src/platform/auth/sessions.ts';

/**
 * Property-based requests to every operation of the OpenAPI document: bodies, queries, path parameters and
 * headers generated from the schemas (valid) and from anything (invalid). The server must never answer 5xx,
 * never leave a promise rejection unhandled, and every error must have the standard shape.
 */
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
};
interface Operation {
  method: string;
  path: string;
  params: Array<{ in: string; name: string; schema: Schema; required?: boolean }>;
  body: Schema | null;
}

const RUNS = Number(process.env.SOTAY_FUZZ_RUNS ?? 6);
let t: TestApp;
let ops: Operation[] = [];
let ids: string[] = [];
let accountId = '';
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  t = await createTestApp();
  const tree = await makeTree(t.ctx);
  const memberId = await makeMember(t.ctx, tree.branchA1);
  const admin = await makeAccount(t.ctx, {
    login: 'fuzz-admin',
    memberId,
    roles: [{ role: 'admin', org: tree.province }],
  });
  accountId = admin.id;
  ids = [tree.province.id, tree.branchA1.id, tree.communeB.id, memberId, admin.id];
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema: Schema }> } }
      >
    >;
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(methods)) {
      // An event stream never ends by design; it has no input to fuzz.
      if (JSON.stringify(op).includes('text/event-stream')) continue;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  // Speech synthesis is minutes of CPU per long text; its input limits are fuzzed through normalise and plan.
  ops = ops.filter((o) => !o.path.startsWith('/api/v1/speech/audio'));
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await t?.close();
});

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'Nguyễn Văn A',
    'Chi bộ thôn 3',
    "'; drop table members; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '\u0000',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    'a'.repeat(5000),
  ),
);

/** Values that satisfy the schema, most of the time (patterns are approximated by known ids and text). */
function valid(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => valid(a, depth + 1)));
  if (s.allOf) return valid(Object.assign({}, ...s.allOf) as Schema, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        if (s.format === 'date') return fc.constantFrom('2026-11-19', '1960-01-01', '2026-02-30');
        if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
        if (s.pattern?.includes('A-Za-z0-9_-') || s.pattern?.includes('0-9a-f'))
          return fc.constantFrom(...ids);
        return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 200) });
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 });
      case 'number':
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(valid(s.items, depth + 1), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 4, 6),
        });
      case 'object': {
        const props = s.properties ?? {};
        const required = new Set(s.required ?? []);
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(props)) shape[k] = valid(v, depth + 1);
        return fc.record(shape, { requiredKeys: [...required].filter((k) => k in props) });
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  })();
  return s.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

/** Anything at all: wrong types, huge strings, deep nesting, prototype keys. */
const invalid: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    { __proto__: { admin: true } },
    { constructor: { prototype: {} } },
    [],
    null,
    -1,
    1e308,
    'x'.repeat(100_000),
  ),
  fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 8 }),
);

const headerSets = fc.record(
  {
    'accept-language': fc.constantFrom('vi', 'en', 'en-US,en;q=0.9', 'xx;q=abc', '*', ''),
    'x-request-id': fc.oneof(fc.string({ maxLength: 80 }), fc.uuid()),
    'content-type': fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
    ),
    'if-none-match': fc.string({ maxLength: 30 }),
    range: fc.constantFrom('bytes=0-10', 'bytes=-5', 'bytes=abc', 'bytes=999999999-'),
  },
  { requiredKeys: [] },
);

function query(op: Operation, values: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v])
      q.append(k, typeof one === 'string' ? one : JSON.stringify(one));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

function requestArb(op: Operation, good: boolean) {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        good ? fc.constantFrom(...ids) : fc.oneof(fc.constantFrom(...ids), text),
      ]),
    ),
  );
  const queryArb = fc.record(
    Object.fromEntries(
      queryParams.map((p) => [p.name, good ? valid(p.schema) : fc.oneof(valid(p.schema), text)]),
    ),
    { requiredKeys: [] },
  );
  const bodyArb = op.body ? (good ? valid(op.body) : invalid) : fc.option(invalid, { nil: undefined });
  return fc.record({
    path: pathArb,
    query: queryArb,
    body: bodyArb,
    headers: good ? fc.constant({}) : headerSets,
    signedIn: fc.boolean(),
  });
}

function checkShape(status: number, contentType: string, body: string, where: string): void {
  expect(status, where).toBeLessThan(500);
  if (status < 400) return;
  expect(contentType, where).toContain('application/json');
  const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  expect(parsed.error, where).toBeDefined();
  expect(typeof parsed.error!.code, where).toBe('string');
  expect(parsed.error!.code as string, where).toMatch(/^[A-Z][A-Z0-9_]+$/);
  expect(typeof parsed.error!.message, where).toBe('string');
  expect(Array.isArray(parsed.error!.details), where).toBe(true);
}

describe('schema fuzzing of every operation in the OpenAPI document', () => {
  it('finds operations to fuzz', () => {
    expect(ops.length).toBeGreaterThan(30);
  });

  for (const good of [true, false]) {
    it(`answers ${good ? 'schema-valid' : 'arbitrary'} requests without 5xx and with the standard error shape`, async () => {
      for (const op of ops) {
        if (process.env.SOTAY_FUZZ_TRACE) console.error(`fuzz ${op.method} ${op.path}`);
        await fc.assert(
          fc.asyncProperty(requestArb(op, good), async (r) => {
            let url = op.path;
            for (const [k, v] of Object.entries(r.path))
              url = url.replace(`{${k}}`, encodeURIComponent(String(v)));
            url += query(op, r.query as Record<string, unknown>);
            // A fresh session per request: fuzzed sign-outs and password changes must not end the run.
            const session = r.signedIn
              ? await createSession(t.ctx.db, { accountId, ip: '127.0.0.1', userAgent: 'fuzz', days: 1 })
              : null;
            const headers: Record<string, string> = {
              'x-sotay-client': 'fuzz',
              ...(r.headers as Record<string, string>),
            };
            if (session) headers.cookie = `${SESSION_COOKIE}=${session.token}`;
            let payload: string | undefined;
            if (r.body !== undefined && op.method !== 'GET' && op.method !== 'DELETE') {
              payload = typeof r.body === 'string' && !good ? r.body : JSON.stringify(r.body);
              headers['content-type'] ??= 'application/json';
            }
            const res = await t.app.inject({ method: op.method as 'GET', url, headers, payload });
            const where = `${op.method} ${url} ${payload?.slice(0, 300) ?? ''} → ${res.statusCode} ${res.body.slice(0, 300)}`;
            checkShape(res.statusCode, String(res.headers['content-type'] ?? ''), res.body, where);
          }),
          { numRuns: RUNS, seed: Number(process.env.SOTAY_FUZZ_SEED ?? 20261123), endOnFailure: true },
        );
      }
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
    }, 300_000);
  }
});
