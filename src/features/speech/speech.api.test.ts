import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  clientFor,
  login,
  type Client,
  type TestApp,
} from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { findOrg } from '../orgs/queries.ts';
import { can } from '../../platform/permissions/check.ts';
import { decodeMp3, readMp3Frames } from './engine/index.ts';
import { registerSpeechSource } from './sources.ts';

// A content type of this test: an organisation's notice, readable by members of that organisation's subtree.
const NOTICE = [
  'Chi bộ họp vào ngày 19/11/2021 lúc 7h30.',
  'UBND xã đã chi 1.200 tỷ đồng, đạt 37,32% kế hoạch. Đề nghị các đồng chí đến đúng giờ!',
];
registerSpeechSource('test-notice', {
  async load(ctx, principal, id) {
    const org = await findOrg(ctx.db, id);
    if (!org || !can(principal, 'content.read', org.path)) return null;
    return {
      title: `Thông báo của ${org.name}`,
      paragraphs: NOTICE.map((text, i) => ({ id: `p${i + 1}`, text })),
    };
  },
  async playlist(ctx, principal) {
    const orgs = await ctx.db.selectFrom('orgs').select(['id', 'name', 'path']).orderBy('path').execute();
    return orgs
      .filter((o) => can(principal, 'content.read', o.path))
      .map((o) => ({ id: o.id, title: `Thông báo của ${o.name}` }));
  },
});

let t: TestApp;
let tree: SmallTree;
let member: Client;
let outsider: Client;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  member = await login(t.app, 'dv-a1', PASSWORD);
  outsider = await login(t.app, 'dv-b1', PASSWORD);
});
afterAll(() => t?.close());

interface Plan {
  title: string | null;
  voice: string;
  speed: number;
  settings: { voices: Array<{ id: string }>; defaultVoice: string; speeds: { min: number; max: number } };
  sentences: Array<{
    id: string;
    index: number;
    paragraphId: string | null;
    start: number;
    end: number;
    text: string;
    spoken: string;
    audioUrl: string;
  }>;
}

describe('normalize', () => {
  it('needs a signed-in account', async () => {
    const res = await clientFor(t.app).post('/api/v1/speech/normalize', { text: 'UBND' });
    expect(res.statusCode).toBe(401);
  });

  it('reads numbers, dates and abbreviations as words', async () => {
    const res = await member.post('/api/v1/speech/normalize', {
      text: 'Năm 2021, UBND tỉnh chi 1.200 tỷ đồng.\nNgày 31/02/2021 😀',
    });
    expect(res.statusCode).toBe(200);
    const text = res.json<{ text: string }>().text;
    expect(text).toContain('hai nghìn không trăm hai mươi mốt');
    expect(text).toContain('Ủy ban nhân dân');
    expect(text).toContain('một nghìn hai trăm tỷ đồng');
    // An impossible date is read as numbers, the line structure is kept.
    expect(text.split('\n')).toHaveLength(2);
    expect(text).not.toMatch(/\d/);
  });

  it('refuses empty, missing and over-long text with stable codes', async () => {
    const empty = await member.post('/api/v1/speech/normalize', { text: '  \n ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.code).toBe('SPEECH_NOTHING_TO_READ');
    const missing = await member.post('/api/v1/speech/normalize', {});
    expect(missing.json().error.code).toBe('VALIDATION_FAILED');
    const long = await member.post('/api/v1/speech/normalize', { text: 'a'.repeat(1_000_001) });
    expect(long.statusCode).toBe(413);
    expect(long.json().error.code).toBe('SPEECH_TEXT_TOO_LONG');
  });

  it('accepts a full 1 MB of Vietnamese', async () => {
    const sentence = 'Đảng bộ xã có 1.234 đảng viên, đạt 98,5% chỉ tiêu năm 2025. ';
    const text = sentence.repeat(Math.floor(1_000_000 / sentence.length));
    const res = await member.post('/api/v1/speech/normalize', { text });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ text: string }>().text).toContain('một nghìn hai trăm ba mươi tư đảng viên');
  });
});

describe('plan of posted text', () => {
  const text = 'Chi bộ có 81 đảng viên. Trong đó 49 đồng chí thường xuyên sinh hoạt!\n\nHội nghị lúc 19:45.';

  it('returns each sentence with its span in the text and its audio address', async () => {
    const res = await member.post('/api/v1/speech/plan', { text, speed: 1.25 });
    expect(res.statusCode).toBe(200);
    const plan = res.json<Plan>();
    expect(plan.speed).toBe(1.25);
    expect(plan.settings.voices.length).toBeGreaterThan(0);
    expect(plan.settings.speeds).toMatchObject({ min: 0.75, max: 1.5 });
    expect(plan.sentences.map((s) => s.text)).toEqual([
      'Chi bộ có 81 đảng viên.',
      'Trong đó 49 đồng chí thường xuyên sinh hoạt!',
      'Hội nghị lúc 19:45.',
    ]);
    for (const s of plan.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(s.paragraphId).toBeNull();
      expect(s.spoken).not.toMatch(/\d/);
      expect(s.audioUrl).toMatch(new RegExp(`^/api/v1/speech/audio/${s.id}\\?`));
    }
    expect(plan.sentences[0]!.spoken).toContain('tám mươi mốt');
    // Same sentence, same voice and speed: same content hash, so the audio is shared.
    const again = (await member.post('/api/v1/speech/plan', { text, speed: 1.25 })).json<Plan>();
    expect(again.sentences.map((s) => s.id)).toEqual(plan.sentences.map((s) => s.id));
    const slower = (await member.post('/api/v1/speech/plan', { text, speed: 1 })).json<Plan>();
    expect(slower.sentences[0]!.id).not.toBe(plan.sentences[0]!.id);
  });

  it('plans the page’s own paragraphs with offsets into each, and wants text or paragraphs, not both', async () => {
    const paragraphs = [
      { id: 'a', text: 'Đại hội XIII của Đảng. Nhiệm kỳ 2021 - 2025.' },
      { id: 'b', text: '   ' },
      { id: 'c', text: 'Theo Quyết định 749/QĐ-TTg.' },
    ];
    const res = await member.post('/api/v1/speech/plan', { paragraphs });
    expect(res.statusCode).toBe(200);
    const plan = res.json<Plan>();
    expect(plan.sentences.map((s) => s.paragraphId)).toEqual(['a', 'a', 'c']);
    for (const s of plan.sentences)
      expect(paragraphs.find((p) => p.id === s.paragraphId)!.text.slice(s.start, s.end)).toBe(s.text);
    expect(plan.sentences[0]!.spoken).toContain('mười ba');
    const both = await member.post('/api/v1/speech/plan', { text: 'a', paragraphs });
    expect(both.json().error.code).toBe('VALIDATION_FAILED');
    const neither = await member.post('/api/v1/speech/plan', {});
    expect(neither.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('skips emoji and symbols, reads malformed numbers, refuses text with nothing to say', async () => {
    const mixed = await member.post('/api/v1/speech/plan', { text: '🎉🎉 ★ Số 1..2 và 31/02/2021. ✔✔' });
    expect(mixed.statusCode).toBe(200);
    const spoken = mixed
      .json<Plan>()
      .sentences.map((s) => s.spoken)
      .join(' ');
    expect(spoken).toContain('một');
    expect(spoken).toContain('ba mươi mốt');
    for (const text of ['', '   ', '😀😀 🎉', '… ★ ✔ —']) {
      const res = await member.post('/api/v1/speech/plan', { text });
      expect(res.statusCode, JSON.stringify(text)).toBe(422);
      expect(res.json().error.code).toBe('SPEECH_NOTHING_TO_READ');
    }
  });

  it('refuses an unknown voice and a speed outside 0.75–1.5', async () => {
    const voice = await member.post('/api/v1/speech/plan', { text: 'Xin chào.', voice: 'klingon' });
    expect(voice.statusCode).toBe(422);
    expect(voice.json().error.code).toBe('SPEECH_INVALID_INPUT');
    const speed = await member.post('/api/v1/speech/plan', { text: 'Xin chào.', speed: 3 });
    expect(speed.statusCode).toBe(422);
    expect(speed.json().error.code).toBe('SPEECH_INVALID_INPUT');
  });
});

describe('audio', () => {
  it('serves decodable MP3 of plausible length, immutable by hash', async () => {
    const plan = (
      await member.post('/api/v1/speech/plan', {
        text: 'Phần mềm chuyển văn bản thành giọng nói để đảng viên cao tuổi nắm bắt đầy đủ thông tin.',
      })
    ).json<Plan>();
    const sentence = plan.sentences[0]!;
    const res = await member.get(sentence.audioUrl);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/mpeg');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers.etag).toBe(`"${sentence.id}"`);
    const bytes = new Uint8Array(res.rawPayload);
    const info = readMp3Frames(bytes);
    expect(info.bitrateKbps).toBeLessThanOrEqual(32);
    const pcm = await decodeMp3(bytes);
    const seconds = pcm.pcm.length / pcm.sampleRate;
    // About 20 syllables: a few seconds of speech, not a click and not a minute.
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(15);
    expect(Number(res.headers['x-audio-duration'])).toBeCloseTo(info.durationSeconds, 2);

    const revalidate = await t.app.inject({
      method: 'GET',
      url: sentence.audioUrl,
      headers: { cookie: member.cookie, 'if-none-match': `"${sentence.id}"` },
    });
    expect(revalidate.statusCode).toBe(304);
    expect(revalidate.body).toBe('');
  });

  it('refuses an address whose hash does not match its sentence', async () => {
    const plan = (await member.post('/api/v1/speech/plan', { text: 'Xin chào các đồng chí.' })).json<Plan>();
    const url = plan.sentences[0]!.audioUrl.replace(/t=[^&]+/, 't=N%E1%BB%99i+dung+kh%C3%A1c');
    const res = await member.get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('SPEECH_AUDIO_MISMATCH');
    const anonymous = await clientFor(t.app).get(plan.sentences[0]!.audioUrl);
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('content references', () => {
  it('plans a registered source by type and id, paragraph by paragraph', async () => {
    const res = await member.get(`/api/v1/speech/plan?type=test-notice&id=${tree.branchA1.id}`);
    expect(res.statusCode).toBe(200);
    const plan = res.json<Plan>();
    expect(plan.title).toBe(`Thông báo của ${tree.branchA1.name}`);
    expect(plan.sentences[0]).toMatchObject({ paragraphId: 'title', start: 0 });
    const p2 = plan.sentences.filter((s) => s.paragraphId === 'p2');
    expect(p2).toHaveLength(2);
    for (const s of p2) expect(NOTICE[1]!.slice(s.start, s.end)).toBe(s.text);
    expect(p2[0]!.spoken).toContain('Ủy ban nhân dân');
    expect(p2[0]!.spoken).toContain('ba mươi bảy phẩy ba mươi hai phần trăm');
    expect(plan.sentences.map((s) => s.index)).toEqual(plan.sentences.map((_, i) => i));
    const audio = await member.get(plan.sentences[1]!.audioUrl);
    expect(audio.statusCode).toBe(200);
  });

  it('answers not found for content outside the caller’s subtree, unknown ids and unknown types', async () => {
    const foreign = await outsider.get(`/api/v1/speech/plan?type=test-notice&id=${tree.branchA1.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    const missing = await member.get('/api/v1/speech/plan?type=test-notice&id=khong-co');
    expect(missing.statusCode).toBe(404);
    const unknown = await member.get(`/api/v1/speech/plan?type=ufo&id=${tree.branchA1.id}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('SPEECH_SOURCE_UNKNOWN');
    const noQuery = await member.get('/api/v1/speech/plan');
    expect(noQuery.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lists a playlist filtered by the source', async () => {
    const own = (await member.get('/api/v1/speech/playlist?type=test-notice')).json<{
      items: Array<{ id: string; type: string }>;
    }>();
    const ids = own.items.map((i) => i.id);
    expect(ids).toContain(tree.branchA1.id);
    expect(ids).not.toContain(tree.branchB1.id);
    expect(own.items[0]!.type).toBe('test-notice');
    const unknown = await member.get('/api/v1/speech/playlist?type=ufo');
    expect(unknown.json().error.code).toBe('SPEECH_SOURCE_UNKNOWN');
  });
});
