import mammoth from 'mammoth';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';

let t: TestApp;
let tree: SmallTree;
let district: Client;
let communeA: Client;
let communeB: Client;
let memberA1: Client;
let memberA2: Client;
let memberB1: Client;
let outsider: Client;
let id: string;
let paragraphs: Array<{ id: string; text: string }>;
let questions: Array<{ id: string; kind: string; options: string[] }>;

const DRAFT = [
  'Dự thảo Báo cáo chính trị trình Đại hội Đảng bộ huyện nhiệm kỳ 2025 - 2030.',
  'Phần thứ nhất: đánh giá kết quả thực hiện Nghị quyết Đại hội nhiệm kỳ 2020 - 2025.',
  'Phần thứ hai: phương hướng, mục tiêu, nhiệm vụ nhiệm kỳ 2025 - 2030, trong đó chuyển đổi số là khâu đột phá.',
].join('\n\n');

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'district', roles: [{ role: 'committee_member', org: tree.district }] });
  await makeAccount(t.ctx, { login: 'communeA', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'communeB', roles: [{ role: 'committee_member', org: tree.communeB }] });
  await makeAccount(t.ctx, { login: 'a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'a2', memberId: await makeMember(t.ctx, tree.branchA2) });
  await makeAccount(t.ctx, { login: 'b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  const other = await makeOtherProvince();
  await makeAccount(t.ctx, { login: 'outsider', memberId: await makeMember(t.ctx, other) });
  const as = (n: string) => login(t.app, n, PASSWORD);
  district = await as('district');
  communeA = await as('communeA');
  communeB = await as('communeB');
  memberA1 = await as('a1');
  memberA2 = await as('a2');
  memberB1 = await as('b1');
  outsider = await as('outsider');

  const now = Date.now();
  const res = await district.post(`/api/v1/orgs/${tree.district.id}/consultations`, {
    title: 'Lấy ý kiến dự thảo Báo cáo chính trị',
    intro: 'Đề nghị đảng viên góp ý trước ngày 30.',
    draft: DRAFT,
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 7 * 86_400_000).toISOString(),
    questions: [
      {
        text: 'Đồng chí có đồng ý chọn chuyển đổi số là khâu đột phá?',
        kind: 'choice',
        options: ['Đồng ý', 'Không đồng ý'],
      },
      { text: 'Ý kiến khác', kind: 'text' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().id;
  paragraphs = res.json().paragraphs;
  questions = res.json().questions;
});
afterAll(() => t?.close());

async function makeOtherProvince() {
  const { makeOrg } = await import('../../../test/support/factories.ts');
  const p = await makeOrg(t.ctx, { parent: null, name: 'Đảng bộ tỉnh Khác', type: 'province_committee' });
  const d = await makeOrg(t.ctx, { parent: p, name: 'Huyện Khác', type: 'district_committee' });
  const c = await makeOrg(t.ctx, { parent: d, name: 'Xã Khác', type: 'grassroots_committee' });
  return makeOrg(t.ctx, { parent: c, name: 'Chi bộ Khác', type: 'branch' });
}

describe('a consultation of a district', () => {
  it('splits the draft into paragraphs members comment on and lists it for those inside', async () => {
    expect(paragraphs).toHaveLength(3);
    const list = await memberA1.get('/api/v1/consultations');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await outsider.get('/api/v1/consultations')).json().items).toHaveLength(0);
    expect((await outsider.get(`/api/v1/consultations/${id}`)).statusCode).toBe(404);
  });

  it('takes comments per paragraph and answers, refusing unknown targets and choices', async () => {
    const c1 = await memberA1.post(`/api/v1/consultations/${id}/comments`, {
      targetId: paragraphs[2]!.id,
      body: 'Đề nghị bổ sung chỉ tiêu về kinh tế số.',
    });
    expect(c1.statusCode).toBe(201);
    await memberA2.post(`/api/v1/consultations/${id}/comments`, {
      targetId: paragraphs[1]!.id,
      body: 'Ý kiến của chi bộ A2.',
    });
    await memberB1.post(`/api/v1/consultations/${id}/comments`, {
      targetId: paragraphs[1]!.id,
      body: 'Ý kiến của xã B.',
    });
    const bad = await memberA1.post(`/api/v1/consultations/${id}/comments`, { targetId: 'nope', body: 'x' });
    expect(bad.json().error.code).toBe('CONSULTATION_TARGET_UNKNOWN');
    const answered = await memberA1.put(`/api/v1/consultations/${id}/answers`, {
      answers: [
        { questionId: questions[0]!.id, value: 'Đồng ý' },
        { questionId: questions[1]!.id, value: 'Cần thêm giải pháp cho người cao tuổi.' },
      ],
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().questions[0].myAnswer).toBe('Đồng ý');
    expect(answered.json().questions[0].results).toBeNull();
    const wrong = await memberB1.put(`/api/v1/consultations/${id}/answers`, {
      answers: [{ questionId: questions[0]!.id, value: 'Có lẽ' }],
    });
    expect(wrong.json().error.code).toBe('CONSULTATION_CHOICE_INVALID');
    await memberB1.put(`/api/v1/consultations/${id}/answers`, {
      answers: [{ questionId: questions[0]!.id, value: 'Không đồng ý' }],
    });
  });

  it('shows a member only their own comments, a lower committee only its subtree, the owner everything', async () => {
    const mine = (await memberA1.get(`/api/v1/consultations/${id}`)).json();
    expect(mine.comments.map((c: { body: string }) => c.body)).toEqual([
      'Đề nghị bổ sung chỉ tiêu về kinh tế số.',
    ]);
    const a = (await communeA.get(`/api/v1/consultations/${id}`)).json();
    expect(a.role).toEqual({ owner: false, compiler: true, participant: false });
    expect(a.comments.map((c: { body: string }) => c.body).sort()).toEqual(
      ['Đề nghị bổ sung chỉ tiêu về kinh tế số.', 'Ý kiến của chi bộ A2.'].sort(),
    );
    expect(a.questions[0].results).toEqual({ 'Đồng ý': 1, 'Không đồng ý': 0 });
    const all = (await district.get(`/api/v1/consultations/${id}`)).json();
    expect(all.comments).toHaveLength(3);
    expect(all.questions[0].results).toEqual({ 'Đồng ý': 1, 'Không đồng ý': 1 });
  });

  it('lets a lower committee forward a summary up, for its own organisation only', async () => {
    const refused = await communeA.post(`/api/v1/consultations/${id}/summaries`, {
      orgId: tree.communeB.id,
      summary: 'Không phải của mình',
    });
    expect(refused.statusCode).toBe(403);
    const ok = await communeA.post(`/api/v1/consultations/${id}/summaries`, {
      orgId: tree.communeA.id,
      summary: 'Đảng bộ xã Đông Hợp đồng tình, đề nghị bổ sung chỉ tiêu kinh tế số.',
    });
    expect(ok.statusCode).toBe(200);
    const all = (await district.get(`/api/v1/consultations/${id}`)).json();
    expect(all.summaries.map((s: { orgName: string }) => s.orgName)).toEqual([tree.communeA.name]);
    expect((await communeB.get(`/api/v1/consultations/${id}`)).json().summaries).toEqual([]);
  });

  it('answers a comment and the member sees the answer', async () => {
    const all = (await district.get(`/api/v1/consultations/${id}`)).json();
    const c = all.comments.find((x: { body: string }) => x.body.startsWith('Đề nghị bổ sung'));
    const marked = await district.post(`/api/v1/consultations/${id}/comments/${c.id}/status`, {
      status: 'answered',
      answer: 'Đã tiếp thu vào mục 2.',
    });
    expect(marked.statusCode).toBe(200);
    expect(
      (await communeA.post(`/api/v1/consultations/${id}/comments/${c.id}/status`, { status: 'accepted' }))
        .statusCode,
    ).toBe(403);
    const mine = (await memberA1.get(`/api/v1/consultations/${id}`)).json();
    expect(mine.comments[0]).toMatchObject({ status: 'answered', answer: 'Đã tiếp thu vào mục 2.' });
    // The author is told in the inbox, through the notifications job queue.
    await vi.waitFor(
      async () => {
        await runDueJobs(t.ctx);
        const items = (await memberA1.get('/api/v1/notifications')).json().items as Array<{ url: string }>;
        expect(items.find((i) => i.url === `/consultations/${id}`)).toMatchObject({
          kind: 'comment',
          body: 'Đã tiếp thu vào mục 2.',
        });
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('exports what each committee may read, grouped by paragraph, as XLSX and DOCX', async () => {
    const x = await t.app.inject({
      method: 'GET',
      url: `/api/v1/consultations/${id}/export?format=xlsx`,
      headers: { cookie: communeA.cookie },
    });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const values = JSON.stringify(wb.getWorksheet('Ý kiến')!.getSheetValues());
    expect(values).toContain('Ý kiến của chi bộ A2.');
    expect(values).not.toContain('Ý kiến của xã B.');
    const d = await t.app.inject({
      method: 'GET',
      url: `/api/v1/consultations/${id}/export?format=docx`,
      headers: { cookie: district.cookie },
    });
    expect(d.statusCode).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: d.rawPayload })).value;
    expect(text).toContain('Tổng hợp ý kiến: Lấy ý kiến dự thảo Báo cáo chính trị');
    expect(text).toContain('Ý kiến của xã B.');
    expect(text).toContain('Đảng bộ xã Đông Hợp đồng tình');
    expect((await memberA1.get(`/api/v1/consultations/${id}/export?format=xlsx`)).statusCode).toBe(403);
  });

  it('refuses comments after it is closed, and wrong dates when opening', async () => {
    expect((await communeA.post(`/api/v1/consultations/${id}/close`)).statusCode).toBe(403);
    expect((await district.post(`/api/v1/consultations/${id}/close`)).json().state).toBe('closed');
    const late = await memberA1.post(`/api/v1/consultations/${id}/comments`, {
      targetId: paragraphs[0]!.id,
      body: 'Muộn',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('CONSULTATION_NOT_OPEN');
    const bad = await district.post(`/api/v1/orgs/${tree.district.id}/consultations`, {
      title: 'X',
      draft: 'Y',
      opensAt: '2026-12-10T00:00:00Z',
      closesAt: '2026-12-01T00:00:00Z',
    });
    expect(bad.json().error.code).toBe('CONSULTATION_DATES_INVALID');
    expect(
      (
        await memberA1.post(`/api/v1/orgs/${tree.branchA1.id}/consultations`, {
          title: 'X',
          draft: 'Y',
          opensAt: '2026-12-01T00:00:00Z',
          closesAt: '2026-12-10T00:00:00Z',
        })
      ).statusCode,
    ).toBe(403);
  });
});
