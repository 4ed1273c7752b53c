/**
 * Search benchmark (not a test): indexes generated Vietnamese documents into a fresh SQLite database through
 * indexSearchItem, then times queries through searchIndex as the root administrator sees them.
 *
 *   npm run bench:search [-- --docs 100000 --queries 600]
 *
 * Writes bench/results/search.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { searchIndex } from '../src/features/search/service.ts';
import { fold } from '../src/text/index.ts';
import { pick, rng } from '../src/demo/names.ts';
import { indexedCorpus, percentile, timed } from './lib/indexed-corpus.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DOCS = opt('docs', 100_000);
const QUERIES = opt('queries', 600);

const QUERY_PARTS = [
  'chuyển đổi số',
  'nghị quyết',
  'sinh hoạt chi bộ',
  'nông thôn mới',
  'phát triển đảng viên',
  'hợp tác xã',
  'dịch vụ công trực tuyến',
  'phòng chống tham nhũng',
  'Hồ Chí Minh',
  'khu công nghiệp',
  'sản phẩm OCOP',
  'đào tạo nghề',
  'gia đình văn hóa',
  'người có công',
  'an ninh trật tự',
  'Quỳnh Phụ',
  'Kiến Xương',
  'hội nghị sơ kết',
  'kế hoạch thực hiện',
  'năm 2024',
];

function queries(n: number): string[] {
  const r = rng(99);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = r();
    let q: string;
    if (kind < 0.15) q = `${String(1 + Math.floor(r() * 150)).padStart(2, '0')}-NQ/TU`;
    else if (kind < 0.55) q = pick(r, QUERY_PARTS);
    else q = `${pick(r, QUERY_PARTS)} ${pick(r, QUERY_PARTS)}`;
    if (r() < 0.5) q = fold(q); // typed without diacritics
    if (r() < 0.2) q = q.slice(0, Math.max(3, q.length - 2)); // still typing
    out.push(q);
  }
  return out;
}

const corpus = await indexedCorpus({ items: DOCS });
const { ctx, view } = corpus;
try {
  let peakRss = corpus.peakRss;
  const indexSeconds = corpus.indexSeconds;
  const indexCpuSeconds = corpus.indexCpuSeconds;
  const list = queries(QUERIES);
  for (const q of list.slice(0, 30)) await searchIndex(ctx.db, ctx.dialect, view, { q }); // warm the cache
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let hits = 0;
  const q0 = performance.now();
  for (const q of list) {
    const { value: result, ms, cpuMs } = await timed(() => searchIndex(ctx.db, ctx.dialect, view, { q }));
    times.push(ms);
    cpuTimes.push(cpuMs);
    hits += result.hits.length;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const querySeconds = (performance.now() - q0) / 1000;
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const fileMb = fs.statSync(path.join(corpus.dataDir, 'sotay.sqlite')).size / 1e6;
  const result = {
    name: 'search',
    dataset: `${DOCS} generated Vietnamese documents (~1.2 KB each), ${QUERIES} queries (half without diacritics, 15% document numbers, 20% unfinished words)`,
    db: 'sqlite',
    rps: Math.round(QUERIES / querySeconds),
    p50_ms: Number(percentile(times, 50).toFixed(2)),
    p95_ms: Number(percentile(times, 95).toFixed(2)),
    p99_ms: Number(percentile(times, 99).toFixed(2)),
    max_ms: Number((times.at(-1) as number).toFixed(2)),
    // CPU time of this process only: what a query costs when the machine is not shared (SQLite runs in-process).
    cpu_p50_ms: Number(percentile(cpuTimes, 50).toFixed(2)),
    cpu_p95_ms: Number(percentile(cpuTimes, 95).toFixed(2)),
    rss_mb: Math.round(peakRss / 1e6),
    index_docs_per_s: Math.round(DOCS / indexSeconds),
    index_docs_per_cpu_s: Math.round(DOCS / indexCpuSeconds),
    load_average: os.loadavg().map((l) => Number(l.toFixed(1))),
    db_file_mb: Math.round(fileMb),
    avg_hits: Number((hits / QUERIES).toFixed(1)),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}`,
    date: new Date().toISOString().slice(0, 10),
  };
  fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(import.meta.dirname, 'results', 'search.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await corpus.close(args.includes('--keep'));
}
