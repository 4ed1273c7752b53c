import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';

let t: TestApp;
let tree: SmallTree;
let office: Client;
let memberA1: Client;
let memberB1: Client;

interface Plan {
  title: string;
  sentences: Array<{
    paragraphId: string;
    text: string;
    spoken: string;
    start: number;
    end: number;
    audioUrl: string;
  }>;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'vp-xa-a', roles: [{ role: 'office', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  [office, memberA1, memberB1] = (await Promise.all(
    ['vp-xa-a', 'dv-a1', 'dv-b1'].map((l) => login(t.app, l, PASSWORD)),
  )) as [Client, Client, Client];
});
afterAll(() => t?.close());

describe('news and documents are speakable by reference', () => {
  it('reads a news item to members of its audience only, paragraph ids p1, p2… in order', async () => {
    const created = await office.post('/api/v1/news', {
      orgId: tree.communeA.id,
      section: 'bulletin',
      title: 'Thông báo lịch sinh hoạt chi bộ tháng 12',
      bodyHtml:
        '<p>Các chi bộ sinh hoạt vào ngày 5/12/2026 lúc 7h30.</p><p>Đề nghị 100% đảng viên tham dự. UBND xã chuẩn bị hội trường.</p>',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;

    const res = await memberA1.get(`/api/v1/speech/plan?type=news&id=${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json<Plan>();
    expect(plan.title).toBe('Thông báo lịch sinh hoạt chi bộ tháng 12');
    expect([...new Set(plan.sentences.map((s) => s.paragraphId))]).toEqual(['title', 'p1', 'p2']);
    expect(plan.sentences.find((s) => s.paragraphId === 'p1')!.spoken).toContain('bảy giờ ba mươi');
    expect(plan.sentences.some((s) => s.spoken.includes('Ủy ban nhân dân'))).toBe(true);

    const outside = await memberB1.get(`/api/v1/speech/plan?type=news&id=${id}`);
    expect(outside.statusCode).toBe(404);

    const playlist = await memberA1.get('/api/v1/speech/playlist?type=news');
    expect(playlist.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(id);
    const foreignList = await memberB1.get('/api/v1/speech/playlist?type=news');
    expect(foreignList.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).not.toContain(id);
  });

  it('reads a document with the documents feature’s own paragraph ids', async () => {
    const created = await office.post('/api/v1/documents', {
      orgId: tree.communeA.id,
      kind: 'nghi_quyet',
      number: '12-NQ/ĐU',
      issuedOn: '2026-03-02',
      issuer: 'Đảng ủy xã Đông Hợp',
      title: 'Nghị quyết về chuyển đổi số năm 2026',
      summary: 'Mục tiêu chuyển đổi số.',
      body: 'Điều 1. Đến năm 2026 có 90% đảng viên dùng Sổ tay.\n\nĐiều 2. Giao BCH Đoàn xã hướng dẫn.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const doc = created.json<{ id: string; paragraphs: Array<{ id: string; text: string }> }>();

    const plan = (await memberA1.get(`/api/v1/speech/plan?type=document&id=${doc.id}`)).json<Plan>();
    const ids = doc.paragraphs.map((p) => p.id);
    expect([...new Set(plan.sentences.map((s) => s.paragraphId))]).toEqual(['title', ...ids]);
    for (const s of plan.sentences.filter((x) => x.paragraphId !== 'title')) {
      const paragraph = doc.paragraphs.find((p) => p.id === s.paragraphId)!;
      expect(paragraph.text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(plan.sentences.map((s) => s.spoken).join(' ')).toContain('chín mươi phần trăm');
    const audio = await memberA1.get(plan.sentences[1]!.audioUrl);
    expect(audio.statusCode).toBe(200);

    expect((await memberB1.get(`/api/v1/speech/plan?type=document&id=${doc.id}`)).statusCode).toBe(404);
  });
});
