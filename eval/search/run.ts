/**
 * Search quality harness: seeds the demo province (its news, documents and guides are indexed by their own
 * features), indexes the seed articles (split into passages, as members would find them) and generated
 * distractor documents in a temporary database, runs every query of relevance.json through the real search path
 * (searchIndex as the root administrator sees it) and prints MRR@10 and recall@5. An item is relevant when its
 * number, title or text holds the query's needle.
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
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { DEMO_HOOKS } from '../../src/app/demo-hooks.ts';
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
    out.push({ id: `${base}-${out.length + 1}`, title, body });
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
  await seedDemo(ctx, DEMO_HOOKS);
  const root = await ctx.db
    .selectFrom('orgs')
    .select('path')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
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
  // Everything indexed (demo content, passages, distractors) with its searchable text, for the relevance sets.
  const indexed = (
    await ctx.db.selectFrom('search_items').select(['type', 'item_id', 'title', 'body', 'number']).execute()
  ).map((r) => ({ key: `${r.type}:${r.item_id}`, text: norm(`${r.number ?? ''} ${r.title} ${r.body}`) }));
  const demoItems = indexed.length - corpus.length - distractors;
  const view = await rootAdminView(ctx.db);
  let reciprocal = 0;
  let found5 = 0;
  const misses: string[] = [];
  for (const { q, needle } of queries) {
    const relevant = new Set(indexed.filter((p) => p.text.includes(norm(needle))).map((p) => p.key));
    if (relevant.size === 0) throw new Error(`needle not in any item: ${needle}`);
    const { hits } = await searchIndex(ctx.db, ctx.dialect, view, { q, limit: 10 });
    const rank = hits.findIndex((h) => relevant.has(`${h.type}:${h.id}`));
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (rank >= 0 && rank < 5) found5++;
    else
      misses.push(
        `  ${rank < 0 ? '—' : rank + 1}  ${q}  →  ${hits
          .slice(0, 3)
          .map((h) => h.id)
          .join(', ')}`,
      );
    if (verbose) {
      console.log(`${rank < 0 ? '-' : rank + 1}\t${q}`);
      if (rank !== 0)
        for (const h of hits.slice(0, 3)) console.log(`\t\t${h.score}  ${h.type}:${h.id}  ${h.title}`);
    }
  }
  const n = queries.length;
  console.log(
    `search relevance (${ctx.dialect}): ${n} queries, ${corpus.length} seed passages, ${demoItems} demo items, ${distractors} distractors`,
  );
  console.log(`MRR@10    ${(reciprocal / n).toFixed(3)}`);
  console.log(`recall@5  ${(found5 / n).toFixed(3)}`);
  if (misses.length) console.log(`not in the first 5:\n${misses.join('\n')}`);
  if (found5 / n < 0.9) process.exitCode = 1;
} finally {
  await closeContext(ctx);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
