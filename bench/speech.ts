/**
 * Speech benchmark: normaliser throughput, real-time factor of the built-in voice, time to first audio on a
 * cold cache (in process and through the HTTP API, as the player asks for it).
 * Run: npx tsx bench/speech.ts [--text file.txt] [--runs N]. Prints JSON and writes bench/results/speech.json.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  EspeakProvider,
  SpeechService,
  durationSeconds,
  encodeMp3,
} from '../src/features/speech/engine/index.ts';
import { normalizeForSpeech, splitSentences } from '../src/text/index.ts';
import { normalizerThroughput, httpFirstAudio } from './speech-http.ts';

// Seed 004 (Báo Thái Bình, 2022): a realistic news paragraph with numbers, percentages and abbreviations.
const ARTICLE = `Chi bộ tổ dân phố số 6, thị trấn Quỳnh Côi (Quỳnh Phụ) hiện có 81 đảng viên, trong đó 49 đảng viên \
thường xuyên sinh hoạt, còn lại là đảng viên đi làm ăn xa và đảng viên miễn sinh hoạt do tuổi cao, sức khỏe yếu. \
Trong 49 đảng viên đang sinh hoạt hiện nay, đảng viên trên 60 tuổi chiếm đa số. Phần mềm "Sổ tay đảng viên điện tử" \
được triển khai thí điểm từ tháng 5/2021, đến tháng 1/2022 đã có 100% tổ chức cơ sở đảng sử dụng. \
Mục tiêu đến hết năm 2022 có 90% đảng viên sử dụng phần mềm. Trước khi sinh hoạt chi bộ 2 ngày, đồng chí Bí thư \
Chi bộ gửi toàn bộ thông tin nội dung sinh hoạt chi bộ qua phần mềm để tất cả các đảng viên cùng nghiên cứu, \
trao đổi, đóng góp ý kiến. Thời gian sinh hoạt chi bộ giảm từ 180 phút xuống còn 90 - 120 phút. \
Ở mục tin tức, phần mềm chuyển văn bản thành giọng nói để những đảng viên cao tuổi, mắt kém vẫn nắm bắt đầy đủ thông tin.`;

const { values } = parseArgs({
  options: { text: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
const source = values.text ? await readFile(values.text, 'utf8') : ARTICLE;
const runs = Math.max(1, Number(values.runs));
const sentences = splitSentences(source).map((s) => normalizeForSpeech(s.text));

const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

// 1. Cold start: nothing loaded, empty cache, one sentence planned and fetched, as on the first play after boot.
const coldDir = await mkdtemp(join(tmpdir(), 'speech-bench-'));
let start = performance.now();
const provider = new EspeakProvider();
const coldService = new SpeechService({ provider, cacheDir: coldDir, normalize: normalizeForSpeech });
const coldPlan = coldService.plan(source);
await coldService.sentenceAudio({ sentence: coldPlan.sentences[0]?.spoken ?? '' });
const firstAudioColdStartMs = ms(start);

// 2. Warm engine, cold cache: what a listener waits for after pressing play on a document nobody played before.
const firstAudioWarmMs: number[] = [];
for (let run = 0; run < runs; run++) {
  const dir = await mkdtemp(join(tmpdir(), 'speech-bench-'));
  const service = new SpeechService({ provider, cacheDir: dir, normalize: normalizeForSpeech });
  start = performance.now();
  const plan = service.plan(source, { speed: 1 + run * 0.01 });
  await service.sentenceAudio({ sentence: plan.sentences[0]?.spoken ?? '', speed: plan.speed });
  firstAudioWarmMs.push(ms(start));
  await rm(dir, { recursive: true, force: true });
}

// 3. Throughput over every sentence: synthesis alone, MP3 encoding alone.
let audioSeconds = 0;
let synthMs = 0;
let encodeMs = 0;
let mp3Bytes = 0;
const perSentenceMs: number[] = [];
for (let run = 0; run < runs; run++) {
  for (const text of sentences) {
    start = performance.now();
    const audio = await provider.synthesize({ text, voice: 'vi', speed: 1 });
    const synth = ms(start);
    start = performance.now();
    const mp3 = await encodeMp3(audio);
    const encode = ms(start);
    synthMs += synth;
    encodeMs += encode;
    perSentenceMs.push(Math.round((synth + encode) * 10) / 10);
    audioSeconds += durationSeconds(audio);
    mp3Bytes += mp3.length;
  }
}
await rm(coldDir, { recursive: true, force: true });

const normalizer = normalizerThroughput();
const http = await httpFirstAudio(source, runs);

const result = {
  benchmark: 'speech',
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  provider: provider.id,
  sentences: sentences.length,
  runs,
  audioSeconds: Math.round(audioSeconds * 100) / 100,
  // Real-time factor as "× faster than real time": seconds of speech produced per second of work, one core.
  synthesisSpeedup: Math.round((audioSeconds / (synthMs / 1000)) * 10) / 10,
  encodeSpeedup: Math.round((audioSeconds / (encodeMs / 1000)) * 10) / 10,
  endToEndSpeedup: Math.round((audioSeconds / ((synthMs + encodeMs) / 1000)) * 10) / 10,
  perSentenceMs: { p50: percentile(perSentenceMs, 50), p95: percentile(perSentenceMs, 95) },
  firstAudioColdStartMs,
  firstAudioWarmEngineMs: { p50: percentile(firstAudioWarmMs, 50), max: Math.max(...firstAudioWarmMs) },
  mp3KbitPerSecond: Math.round(((mp3Bytes * 8) / 1000 / audioSeconds) * 10) / 10,
  normalizer,
  http,
  targets: { normalizerMBps: 1, synthesisSpeedup: 10, firstAudioMs: 500 },
};

const json = JSON.stringify(result, null, 2);
console.log(json);
await mkdir(join(import.meta.dirname, 'results'), { recursive: true });
await writeFile(join(import.meta.dirname, 'results', 'speech.json'), `${json}\n`);
