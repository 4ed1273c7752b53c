/**
 * Assistant benchmark (not a test): indexes generated Vietnamese items until they hold 100,000 passages
 * (paragraphs) in a fresh SQLite database, then asks questions through the built-in extractive answerer as the
 * root administrator sees them (everything is visible, so every passage is a candidate), one after another.
 *
 *   npm run bench:assistant [-- --passages 100000 --questions 400 --keep]
 *
 * Writes bench/results/assistant.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ask } from '../src/features/assistant/service.ts';
import { fold } from '../src/text/index.ts';
import { pick, rng } from '../src/demo/names.ts';
import { indexedCorpus, percentile, timed } from './lib/indexed-corpus.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PASSAGES = opt('passages', 100_000);
const QUESTIONS = opt('questions', 400);

// What members ask about the kinds of facts the generated items hold (numbers, rates, people, plans).
const TEMPLATES = [
  'Tỷ lệ hồ sơ giải quyết trực tuyến đạt bao nhiêu phần trăm?',
  'Trong năm đã kết nạp bao nhiêu đảng viên mới?',
  'Thu nhập bình quân đầu người đạt bao nhiêu triệu đồng?',
  'Có bao nhiêu chi bộ hoàn thành tốt nhiệm vụ?',
  'Ai phát biểu chỉ đạo tại hội nghị về {topic}?',
  'Nghị quyết về {topic} đặt mục tiêu gì?',
  'Kế hoạch thực hiện {topic} gồm những nội dung nào?',
  'Đoàn công tác làm việc tại {place} vào ngày nào?',
  'Bao nhiêu hộ gia đình được hỗ trợ vốn phát triển sản xuất?',
  'Nghị quyết {number} nói gì về {topic}?',
];
const TOPICS = [
  'chuyển đổi số',
  'nông thôn mới',
  'hợp tác xã',
  'phát triển đảng viên',
  'sinh hoạt chi bộ',
  'dịch vụ công trực tuyến',
  'phòng chống tham nhũng',
  'sản phẩm OCOP',
  'đào tạo nghề',
  'an ninh trật tự',
];
const PLACES = ['Kiến Xương', 'Quỳnh Phụ', 'Vũ Thư', 'Tiền Hải', 'Đông Hưng', 'Hưng Hà', 'Thái Thụy'];

function questions(n: number): string[] {
  const r = rng(7);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let q = pick(r, TEMPLATES)
      .replace('{topic}', pick(r, TOPICS))
      .replace('{place}', pick(r, PLACES))
      .replace('{number}', `${String(1 + Math.floor(r() * 150)).padStart(2, '0')}-NQ/TU`);
    if (r() < 0.4) q = fold(q); // typed without diacritics
    out.push(q);
  }
  return out;
}

const corpus = await indexedCorpus({ passages: PASSAGES });
const { ctx, view } = corpus;
try {
  let peakRss = corpus.peakRss;
  const list = questions(QUESTIONS);
  for (const question of list.slice(0, 20)) await ask(ctx, view, { question }); // warm caches
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let found = 0;
  const q0 = performance.now();
  for (const question of list) {
    const { value, ms, cpuMs } = await timed(() => ask(ctx, view, { question }));
    times.push(ms);
    cpuTimes.push(cpuMs);
    if (value.found) found++;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - q0) / 1000;
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const result = {
    name: 'assistant',
    dataset: `${corpus.items} generated Vietnamese items holding ${corpus.passages} passages, ${QUESTIONS} questions (40% without diacritics), built-in extractive answerer`,
    db: 'sqlite',
    questions_per_s: Number((QUESTIONS / seconds).toFixed(1)),
    p50_ms: Number(percentile(times, 50).toFixed(1)),
    p95_ms: Number(percentile(times, 95).toFixed(1)),
    p99_ms: Number(percentile(times, 99).toFixed(1)),
    max_ms: Number((times.at(-1) as number).toFixed(1)),
    cpu_p50_ms: Number(percentile(cpuTimes, 50).toFixed(1)),
    cpu_p95_ms: Number(percentile(cpuTimes, 95).toFixed(1)),
    answered: Number((found / QUESTIONS).toFixed(3)),
    rss_mb: Math.round(peakRss / 1e6),
    index_seconds: Math.round(corpus.indexSeconds),
    load_average: os.loadavg().map((l) => Number(l.toFixed(1))),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, Node ${process.version}`,
    date: new Date().toISOString().slice(0, 16),
  };
  fs.mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
  fs.writeFileSync(
    path.join(import.meta.dirname, 'results', 'assistant.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await corpus.close(args.includes('--keep'));
}
