/**
 * Parts of the speech benchmark (bench/speech.ts): the normaliser over the seed articles, and first audio through
 * the HTTP API on a cold cache: sign in, press play (GET plan of a document), fetch the first sentence's MP3.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSpeechNormalizer } from '../src/text/index.ts';
import { closeContext, createApp, createContext, migrate } from '../src/app/boot.ts';
import { loadConfig } from '../src/platform/config.ts';
import { registerSpeechSource } from '../src/features/speech/sources.ts';
import { makeAccount, makeMember, makeTree, PASSWORD } from '../test/support/factories.ts';

const SEEDS = '/work/shared/seeds';
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function seedText(): string {
  try {
    return readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
      .join('\n');
  } catch {
    return 'Năm 2021, UBND tỉnh chi 1.200 tỷ đồng, đạt 37,32% kế hoạch; Đại hội XIII; Quyết định 749/QĐ-TTg.\n';
  }
}

/** MB (10^6 bytes of UTF-8) of real article text normalised per second, one core, line by line as served. */
export function normalizerThroughput(): { inputBytes: number; mbPerSecond: number; runs: number } {
  const normalize = createSpeechNormalizer();
  const seed = seedText();
  let text = seed;
  while (Buffer.byteLength(text) < 2_000_000) text += `\n${seed}`;
  const bytes = Buffer.byteLength(text);
  normalize(text.slice(0, 100_000)); // warm the JIT
  const rates: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    normalize(text);
    rates.push(bytes / 1e6 / ((performance.now() - start) / 1000));
  }
  return { inputBytes: bytes, mbPerSecond: round(median(rates), 2), runs: rates.length };
}

/**
 * A real server on a free port with an empty audio cache. Each run reads a document nobody has played before (a
 * different one each time), so every first sentence is synthesised and encoded while the listener waits.
 */
export async function httpFirstAudio(article: string, runs: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'speech-http-bench-'));
  const ctx = await createContext(loadConfig({ SOTAY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  await migrate(ctx);
  const paragraphs = article.split(/\n+/).filter((p) => p.trim() !== '');
  registerSpeechSource('bench-document', {
    load: async (_ctx, _principal, id) => ({
      title: `Văn bản số ${id}/NQ-TU`,
      paragraphs: paragraphs.map((text, i) => ({
        id: `p${i}`,
        text: i === 0 ? `${text} (bản ${id})` : text,
      })),
    }),
  });
  const app = await createApp(ctx);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const tree = await makeTree(ctx);
  await makeAccount(ctx, { login: 'bench', memberId: await makeMember(ctx, tree.branchA1) });
  const login = await fetch(`${address}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sotay-client': 'bench' },
    body: JSON.stringify({ login: 'bench', password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

  const play = async (id: string) => {
    const start = performance.now();
    const plan = (await (
      await fetch(`${address}/api/v1/speech/plan?type=bench-document&id=${id}`, { headers: { cookie } })
    ).json()) as { sentences: Array<{ audioUrl: string }> };
    const planMs = performance.now() - start;
    const audio = await fetch(`${address}${plan.sentences[0]!.audioUrl}`, { headers: { cookie } });
    const bytes = (await audio.arrayBuffer()).byteLength;
    if (!audio.ok || bytes === 0) throw new Error(`audio ${audio.status}`);
    return { planMs, totalMs: performance.now() - start };
  };

  // The first play after start-up also loads the engine (the server warms it when it starts listening).
  const afterBoot = await play('0');
  const runsMs: number[] = [];
  const plansMs: number[] = [];
  for (let run = 1; run <= Math.max(5, runs * 3); run++) {
    const r = await play(String(run));
    runsMs.push(r.totalMs);
    plansMs.push(r.planMs);
  }
  await app.close();
  await closeContext(ctx);
  rmSync(dataDir, { recursive: true, force: true });
  return {
    firstPlayAfterBootMs: round(afterBoot.totalMs),
    firstAudioColdCacheMs: {
      p50: round(median(runsMs)),
      max: round(Math.max(...runsMs)),
      runs: runsMs.length,
    },
    planMs: { p50: round(median(plansMs)) },
  };
}
