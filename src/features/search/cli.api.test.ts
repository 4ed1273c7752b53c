import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { makeAccount, makeTree, PASSWORD, type SmallTree } from '../../../test/support/factories.ts';
import { indexSearchItem } from './index-writer.ts';

const run = promisify(execFile);
let t: TestApp;
let tree: SmallTree;
let admin: Client;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'root-admin', roles: [{ role: 'admin', org: tree.province }] });
  admin = await login(t.app, 'root-admin', PASSWORD);
  const items: Array<[string, string, string[]]> = [
    ['a', 'Nghị quyết về chuyển đổi số', [tree.province.path]],
    ['b', 'Chuyển đổi số ở chi bộ Phú Mỹ', [tree.branchB1.path]],
    ['c', 'Kế hoạch chuyển đổi số xã Đông Hợp', [tree.communeA.path]],
    ['d', 'Chuyển đổi số chưa công bố', []],
  ];
  for (const [id, title, audience] of items) {
    await indexSearchItem(t.ctx.db, {
      type: 'document',
      id,
      title,
      body: `${title}. Nội dung văn bản.`,
      date: `2026-01-0${items.findIndex((x) => x[0] === id) + 1}`,
      source: `${id}.docx`,
      url: `/documents/${id}`,
      audience,
    });
  }
  env = {
    ...process.env,
    SOTAY_DATA_DIR: t.ctx.config.dataDir,
    DATABASE_URL: t.ctx.config.databaseUrl ?? '',
    LOG_LEVEL: 'silent',
  };
});

afterAll(async () => {
  await t.close();
});

describe('sotay search', () => {
  it('prints the hits the root administrator gets over HTTP', async () => {
    const { stdout } = await run('node', ['bin/sotay.js', 'search', 'chuyen doi so', '--json'], { env });
    const cli = JSON.parse(stdout);
    const http = (await admin.get('/api/v1/search?q=chuyen%20doi%20so')).json();
    expect(cli.hits.map((h: { id: string }) => h.id).sort()).toEqual(['a', 'b', 'c']);
    expect(cli.hits).toEqual(http.hits);
    expect(cli.hits[0].source).toMatch(/\.docx$/);
  });

  it('reads one query per line and writes one JSON object per line', async () => {
    const child = spawn('node', ['bin/sotay.js', 'search', '--type', 'document'], { env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end('chuyển đổi số\nĐông Hợp\n"NEAR * -:\n\n');
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].hits).toHaveLength(3);
    expect(lines[1].hits.map((h: { id: string }) => h.id)).toEqual(['c']);
    expect(lines[2].hits).toEqual([]);
    expect(lines[3]).toEqual({ query: '', truncated: false, hits: [] });
  });
});
