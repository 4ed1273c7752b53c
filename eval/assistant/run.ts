/**
 * Assistant quality harness: indexes the seed articles among generated distractor documents in a temporary
 * database, asks every question of questions.json through the real path (ask() as the root administrator sees
 * it, built-in answerer) and prints passage recall@5 and answer exact match / F1.
 *
 *   npm run eval:assistant [-- --distractors 2000] [-- --verbose] [-- --seeds DIR]
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
import { ask } from '../../src/features/assistant/service.ts';
import { answerExact, answerF1 } from '../../src/features/assistant/domain/answer.ts';
import type { RetrievedPassage } from '../../src/features/assistant/retrieve.ts';
import { rootAdminView } from '../../src/cli/search.ts';
import { fold, nfc } from '../../src/text/index.ts';
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
const norm = (s: string) => fold(nfc(s)).toLowerCase().replace(/\s+/g, ' ');

/** Column-wrapped article text: single line breaks inside a paragraph become spaces. */
function articleText(file: string): string {
  return nfc(fs.readFileSync(file, 'utf8')).replace(/([^\n])\n(?=[^\n#-])/g, '$1 ');
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sotay-eval-assistant-'));
const ctx = await createContext(
  loadConfig({ ...process.env, SOTAY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' } as Record<string, string>),
);
try {
  await migrate(ctx);
  const root = await mutate(ctx, { accountId: null, ip: null, requestId: 'eval' }, (uow) =>
    createOrg(uow, { parentId: null, name: 'Đảng bộ tỉnh Thái Bình', type: 'province_committee' }),
  );
  const audience = [root.path];
  const files = fs
    .readdirSync(seedsDir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort();
  await ctx.db.transaction().execute(async (trx) => {
    for (const f of files) {
      const body = articleText(path.join(seedsDir, f));
      const title = body
        .split('\n')
        .find((l) => l.trim())!
        .replace(/^#+\s*/, '')
        .trim()
        .slice(0, 120);
      await indexSearchItem(trx, {
        type: 'document',
        id: path.basename(f, path.extname(f)),
        title,
        body,
        date: '2022-10-10',
        url: `/documents/${f}`,
        source: f,
        audience,
      });
    }
    for (let i = 0; i < distractors; i++) await indexSearchItem(trx, generatedItem(13, i, audience));
  });

  const { questions } = JSON.parse(fs.readFileSync(path.join(here, 'questions.json'), 'utf8')) as {
    questions: Array<{ q: string; needle: string; answer: string }>;
  };
  const view = await rootAdminView(ctx.db);
  let recall5 = 0;
  let exact = 0;
  let f1 = 0;
  const misses: string[] = [];
  for (const item of questions) {
    const trace: { ranked: RetrievedPassage[] } = { ranked: [] };
    const started = performance.now();
    const r = await ask(ctx, view, { question: item.q }, trace);
    const ms = performance.now() - started;
    const needle = norm(item.needle);
    const rank = trace.ranked.findIndex((p) => norm(p.text).includes(needle));
    if (rank >= 0 && rank < 5) recall5++;
    const given = r.found ? r.answer : '';
    const em = answerExact(given, item.answer);
    const score = answerF1(given, item.answer);
    if (em) exact++;
    f1 += score;
    if (!em || rank < 0 || rank >= 5)
      misses.push(
        `  passage ${rank < 0 ? '—' : rank + 1}  F1 ${score.toFixed(2)}  ${item.q}  →  ${given.slice(0, 90)}`,
      );
    if (verbose)
      console.log(`${rank < 0 ? '-' : rank + 1}\t${score.toFixed(2)}\t${ms.toFixed(0)} ms\t${item.q}`);
  }
  const n = questions.length;
  console.log(
    `assistant quality (${ctx.dialect}): ${n} questions, ${files.length} articles, ${distractors} distractors`,
  );
  console.log(`passage recall@5  ${(recall5 / n).toFixed(3)}`);
  console.log(`answer exact      ${(exact / n).toFixed(3)}`);
  console.log(`answer F1         ${(f1 / n).toFixed(3)}`);
  if (misses.length) console.log(`misses:\n${misses.join('\n')}`);
} finally {
  await closeContext(ctx);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
