/**
 * Search quality harness: indexes the seed articles (split into passages, as members would find them) among
 * generated distractor documents in a temporary database, runs every query of relevance.json through the real
 * search path (searchIndex as the root administrator sees it) and prints MRR@10 and recall@5.
 *
 *   npm run eval:search [-- --distractors 3000] [-- --verbose]
 *
 * With DATABASE_URL=postgres://… the same runs on PostgreSQL (the database must be empty).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeContext, createContext, migrate } from '../../src/app/boot.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { mutate } from '../../src/platform/context.ts';
import { createOrg } from '../../src/features/orgs/service.ts';
import { indexSearchItem } from '../../src/features/search/index-writer.ts';
import { searchIndex } from '../../src/features/search/service.ts';
import { rootAdminView } from '../../src/cli/search.ts';
import { fold, nfc, splitParagraphs, splitSentences } from '../../src/text/index.ts';
import { generatedItem } from '../../bench/search-corpus.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const seedsDir = opt('seeds', '/work/shared/seeds');
const distractors = Number(opt('distractors', '2000'));
const verbose = args.includes('--verbose');

interface Passage {
  id: string;
  title: string;
  body: string;
  key: string;
}

const norm = (s: string) => fold(nfc(s)).replace(/\s+/g, ' ');

/** A seed file → passages of about 1,500 characters, cut at paragraph ends. */
function passages(file: string): Passage[] {
  const text = nfc(fs.readFileSync(file, 'utf8'));
  const base = path.basename(file, path.extname(file));
  const out: Passage[] = [];
  let buffer = '';
  const flush = () => {
    const body = buffer.trim();
    buffer = '';
    if (!body) return;
    const first = (splitSentences(body)[0]?.text ?? body).replace(/[#*]+/g, '').replace(/\s+/g, ' ').trim();
    const title = first.length > 110 ? `${first.slice(0, first.lastIndexOf(' ', 110))} …` : first;
    out.push({ id: `${base}-${out.length + 1}`, title, body, key: norm(body) });
  };
  for (const p of splitParagraphs(text)) {
    buffer += `${p.text}\n\n`;
    if (buffer.length >= 1500) flush();
  }
  flush();
  return out;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sotay-eval-search-'));
const ctx = await createContext(
  loadConfig({ ...process.env, SOTAY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' } as Record<string, string>),
);
try {
  await migrate(ctx);
  const root = await mutate(ctx, { accountId: null, ip: null, requestId: 'eval' }, (uow) =>
    createOrg(uow, { parentId: null, name: 'Đảng bộ tỉnh Thái Bình', type: 'province_committee' }),
  );
  const audience = [root.path];
  const corpus = fs
    .readdirSync(seedsDir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .flatMap((f) => passages(path.join(seedsDir, f)));
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of corpus) {
      await indexSearchItem(trx, {
        type: 'news',
        id: p.id,
        title: p.title,
        body: p.body,
        date: '2022-10-10',
        url: `/news/${p.id}`,
        source: null,
        audience,
      });
    }
    for (let i = 0; i < distractors; i++) await indexSearchItem(trx, generatedItem(11, i, audience));
  });

  const { queries } = JSON.parse(fs.readFileSync(path.join(here, 'relevance.json'), 'utf8')) as {
    queries: Array<{ q: string; needle: string }>;
  };
  const view = await rootAdminView(ctx.db);
  let reciprocal = 0;
  let found5 = 0;
  const misses: string[] = [];
  for (const { q, needle } of queries) {
    const relevant = new Set(corpus.filter((p) => p.key.includes(norm(needle))).map((p) => p.id));
    if (relevant.size === 0) throw new Error(`needle not in any passage: ${needle}`);
    const { hits } = await searchIndex(ctx.db, ctx.dialect, view, { q, limit: 10 });
    const rank = hits.findIndex((h) => relevant.has(h.id));
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (rank >= 0 && rank < 5) found5++;
    else
      misses.push(
        `  ${rank < 0 ? '—' : rank + 1}  ${q}  →  ${hits
          .slice(0, 3)
          .map((h) => h.id)
          .join(', ')}`,
      );
    if (verbose) console.log(`${rank < 0 ? '-' : rank + 1}\t${q}`);
  }
  const n = queries.length;
  console.log(
    `search relevance (${ctx.dialect}): ${n} queries, ${corpus.length} seed passages, ${distractors} distractors`,
  );
  console.log(`MRR@10    ${(reciprocal / n).toFixed(3)}`);
  console.log(`recall@5  ${(found5 / n).toFixed(3)}`);
  if (misses.length) console.log(`not in the first 5:\n${misses.join('\n')}`);
  if (found5 / n < 0.9) process.exitCode = 1;
} finally {
  await closeContext(ctx);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
