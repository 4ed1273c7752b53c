import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../assistant/fake-openai.ts';
import { DIGITAL_RESOLUTION } from './domain/fixtures.ts';

let t: TestApp;
let tree: SmallTree;
let fake: FakeOpenAi;
let editor: Client; // district committee: edits the bank and runs contests
let a1: Client;
let a1b: Client;
let a2: Client;
let b1: Client;
let docId: string;
let paragraphs: Array<{ id: string; text: string }>;

interface Asked {
  id: string;
  kind: string;
  stem: string;
  options: string[];
  chosen: number[];
  correctOptions?: number[];
  paragraph?: { id: string; text: string };
}

beforeAll(async () => {
  t = await createTestApp();
  fake = await startFakeOpenAi();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'cu-huyen', roles: [{ role: 'committee_member', org: tree.district }] });
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-a1b', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-a2', memberId: await makeMember(t.ctx, tree.branchA2) });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  [editor, a1, a1b, a2, b1] = (await Promise.all(
    ['cu-huyen', 'dv-a1', 'dv-a1b', 'dv-a2', 'dv-b1'].map((l) => login(t.app, l, PASSWORD)),
  )) as [Client, Client, Client, Client, Client];
  const res = await editor.post('/api/v1/documents', {
    orgId: tree.district.id,
    kind: 'nghi_quyet',
    number: '02-NQ/TU',
    issuedOn: '2021-11-19',
    title: 'Nghị quyết về chuyển đổi số',
    body: DIGITAL_RESOLUTION.map((p) => p.text).join('\n\n'),
  });
  expect(res.statusCode, res.body).toBe(201);
  docId = res.json().id;
  paragraphs = res.json().paragraphs;
});
afterAll(async () => {
  delete process.env.SOTAY_QUIZ_LLM_URL;
  await fake?.close();
  await t?.close();
});

async function createContest(body: Record<string, unknown> = {}) {
  const res = await editor.post(`/api/v1/orgs/${tree.district.id}/contests`, {
    documentId: docId,
    title: 'Tìm hiểu Nghị quyết chuyển đổi số',
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
    questionCount: 5,
    timeLimitSeconds: 600,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('question bank', () => {
  it('generates into the review queue; every proposal cites a paragraph that contains its answer', async () => {
    const gen = await editor.post(`/api/v1/documents/${docId}/questions/generate`, { max: 20 });
    expect(gen.statusCode, gen.body).toBe(200);
    expect(gen.json().proposed).toBeGreaterThan(5);
    const queue = (await editor.get(`/api/v1/documents/${docId}/questions?status=proposed`)).json().items;
    expect(queue.length).toBe(gen.json().proposed);
    for (const q of queue) {
      const para = paragraphs.find((p) => p.id === q.paragraphId);
      expect(para, q.stem).toBeDefined();
      expect(q.paragraphText).toBe(para!.text);
    }
    // Generating again adds no duplicate stems.
    const again = (await editor.post(`/api/v1/documents/${docId}/questions/generate`, { max: 20 })).json();
    const all = (await editor.get(`/api/v1/documents/${docId}/questions`)).json().items;
    expect(new Set(all.map((q: { stem: string }) => q.stem)).size).toBe(all.length);
    expect(again.duplicates).toBeGreaterThan(0);
  });

  it('accepts, edits, rejects and retires; members cannot touch the bank', async () => {
    const queue = (await editor.get(`/api/v1/documents/${docId}/questions?status=proposed`)).json().items;
    for (const q of queue.slice(0, 8))
      expect(
        (await editor.post(`/api/v1/quiz-questions/${q.id}/review`, { action: 'accept' })).json().status,
      ).toBe('accepted');
    const [edited, rejected] = queue.slice(8);
    const put = await editor.put(`/api/v1/quiz-questions/${edited.id}`, {
      kind: edited.kind,
      stem: `${edited.stem} (đã sửa)`,
      options: edited.options,
      correct: edited.correct,
      paragraphId: edited.paragraphId,
      tags: ['chính quyền số'],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().status).toBe('edited');
    expect(put.json().tags).toEqual(['chính quyền số']);
    expect(
      (await editor.post(`/api/v1/quiz-questions/${rejected.id}/review`, { action: 'reject' })).json().status,
    ).toBe('rejected');
    // A rejected question cannot be accepted straight away; a bad citation is refused.
    expect(
      (await editor.post(`/api/v1/quiz-questions/${rejected.id}/review`, { action: 'accept' })).statusCode,
    ).toBe(409);
    const bad = await editor.post(`/api/v1/documents/${docId}/questions`, {
      kind: 'single',
      stem: 'Câu hỏi?',
      options: ['A', 'B'],
      correct: [0],
      paragraphId: 'không-có',
    });
    expect(bad.json().error.code).toBe('QUIZ_INVALID_QUESTION');
    const manual = await editor.post(`/api/v1/documents/${docId}/questions`, {
      kind: 'true_false',
      stem: 'Nghị quyết về chuyển đổi số được ban hành năm 2021.',
      options: [],
      correct: [0],
      paragraphId: paragraphs[0]!.id,
    });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json().options).toEqual(['Đúng', 'Sai']);
    const retired = await editor.post(`/api/v1/quiz-questions/${manual.json().id}/review`, {
      action: 'retire',
    });
    expect(retired.json().status).toBe('retired');
    expect((await a1.get(`/api/v1/documents/${docId}/questions`)).statusCode).toBe(403);
    expect(
      (await a1.post(`/api/v1/quiz-questions/${edited.id}/review`, { action: 'retire' })).statusCode,
    ).toBe(403);
  });

  it('lets the reviewer edit options, the correct ones and tags, keeping the answer in the cited paragraph', async () => {
    const queue = (await editor.get(`/api/v1/documents/${docId}/questions?status=proposed`)).json().items;
    const q = queue.find((x: { kind: string }) => x.kind !== 'true_false');
    expect(q, 'a choice question still waiting for review').toBeDefined();
    expect(q.answerInParagraph).toBe(true);
    // Generated questions start with a Vietnamese tag naming what they ask about.
    expect(q.tags).toHaveLength(1);
    expect(['tỷ lệ', 'năm', 'ngày tháng', 'số lượng', 'kinh phí', 'liệt kê', 'khái niệm']).toContain(
      q.tags[0],
    );
    const wrong = q.options.findIndex((_: string, i: number) => !q.correct.includes(i));
    const body = (changes: Record<string, unknown>) => ({
      kind: q.kind,
      stem: q.stem,
      options: q.options,
      correct: q.correct,
      paragraphId: q.paragraphId,
      tags: q.tags,
      ...changes,
    });
    // An answer the paragraph does not hold is refused, whichever way the editor gets there.
    const invented = await editor.put(
      `/api/v1/quiz-questions/${q.id}`,
      body({ options: q.options.map((o: string, i: number) => (q.correct.includes(i) ? `${o} (khác)` : o)) }),
    );
    expect(invented.statusCode, invented.body).toBe(422);
    expect(invented.json().error.code).toBe('QUIZ_ANSWER_NOT_IN_PARAGRAPH');
    const para = paragraphs.find((p) => p.id === q.paragraphId)!.text;
    if (!para.includes(q.options[wrong])) {
      const swapped = await editor.put(
        `/api/v1/quiz-questions/${q.id}`,
        body({ correct: [wrong], kind: 'single' }),
      );
      expect(swapped.json().error.code).toBe('QUIZ_ANSWER_NOT_IN_PARAGRAPH');
    }
    // A reworded distractor, an extra option and new tags are kept; the question leaves the queue as edited.
    const options = [...q.options];
    options[wrong] = 'Một phương án nhiễu mới';
    const ok = await editor.put(
      `/api/v1/quiz-questions/${q.id}`,
      body({ options: [...options, 'Phương án thêm'], tags: ['chuyển đổi số', 'mục tiêu'] }),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'edited',
      options: [...options, 'Phương án thêm'],
      correct: q.correct,
      tags: ['chuyển đổi số', 'mục tiêu'],
      answerInParagraph: true,
    });
    const left = (await editor.get(`/api/v1/documents/${docId}/questions?status=proposed`)).json().items;
    expect(left.map((x: { id: string }) => x.id)).not.toContain(q.id);
    // A question an editor wrote is theirs to word: kept, with the check shown to the editor.
    const manual = await editor.post(`/api/v1/documents/${docId}/questions`, {
      kind: 'single',
      stem: 'Nghị quyết giao nhiệm vụ cho ai (câu tự soạn)?',
      options: ['Các cơ quan, đơn vị', 'Không ai'],
      correct: [0],
      paragraphId: paragraphs[0]!.id,
    });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(typeof manual.json().answerInParagraph).toBe('boolean');
    // Out of use again, so the practice and contest tests below draw from the same bank as before.
    for (const id of [q.id, manual.json().id])
      expect(
        (await editor.post(`/api/v1/quiz-questions/${id}/review`, { action: 'retire' })).statusCode,
      ).toBe(200);
  });

  it('queues questions from an OpenAI-compatible provider only when the answer is in the cited paragraph', async () => {
    process.env.SOTAY_QUIZ_LLM_URL = fake.url;
    process.env.SOTAY_QUIZ_LLM_KEY = 'khoa-thu';
    const p2 = paragraphs[1]!;
    fake.chatAnswer = JSON.stringify([
      {
        kind: 'single',
        stem: 'Theo nghị quyết, văn bản nào phải ở dạng điện tử (câu từ mô hình)?',
        options: ['Toàn bộ văn bản', 'Một nửa văn bản', 'Không văn bản nào'],
        correct: [0],
        paragraphId: p2.id,
        quote: p2.text.slice(0, 40),
      },
      {
        kind: 'single',
        stem: 'Câu có đáp án không nằm trong đoạn trích dẫn?',
        options: ['Một đáp án bịa đặt', 'Phương án khác'],
        correct: [0],
        paragraphId: p2.id,
      },
      { kind: 'single', stem: 'Đoạn không tồn tại', options: ['x', 'y'], correct: [0], paragraphId: 'zzz' },
    ]);
    const res = await editor.post(`/api/v1/documents/${docId}/questions/generate`, {
      provider: 'llm',
      max: 5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ proposed: 1, discarded: 2 });
    const req = fake.requests.at(-1)!;
    expect(req.path).toBe('/chat/completions');
    expect(req.auth).toBe('Bearer khoa-thu');
    const queued = (await editor.get(`/api/v1/documents/${docId}/questions?status=proposed`)).json().items;
    const llm = queued.filter((q: { origin: string }) => q.origin === 'llm');
    expect(llm.map((q: { stem: string }) => q.stem)).toEqual([
      'Theo nghị quyết, văn bản nào phải ở dạng điện tử (câu từ mô hình)?',
    ]);
  });
});

describe('practice', () => {
  it('sends questions without answers; the check gives feedback with the cited paragraph', async () => {
    const res = await a1.get(`/api/v1/documents/${docId}/practice?count=20`);
    expect(res.statusCode).toBe(200);
    const qs = res.json().questions as Array<Record<string, unknown>>;
    expect(qs.length).toBe(9); // 8 accepted + 1 edited; proposed, rejected and retired ones are not used
    for (const q of qs) {
      expect(Object.keys(q).sort()).toEqual(['id', 'kind', 'options', 'stem']);
      expect(res.body).not.toContain('"correct"');
    }
    const fb = await a1.post(`/api/v1/quiz-questions/${qs[0]!.id}/check`, { chosen: [0] });
    expect(fb.statusCode).toBe(200);
    const p = paragraphs.find((x) => x.id === fb.json().paragraph.id)!;
    expect(fb.json().paragraph.text).toBe(p.text);
    expect(fb.json().correct).toBe(JSON.stringify(fb.json().correctOptions) === '[0]');
    // Outside the document's audience there is nothing to practise.
    const outsider = await b1.get(`/api/v1/documents/${docId}/practice`);
    expect(outsider.statusCode).toBe(200); // the district's document is published to the whole district
  });
});

describe('contests', () => {
  it('keeps answers hidden until submitted, refuses a second attempt, shuffles per person', async () => {
    const id = await createContest({ questionCount: 9 });
    const start = await a1.post(`/api/v1/contests/${id}/attempt`, {});
    expect(start.statusCode, start.body).toBe(201);
    const paper = start.json();
    expect(paper.finished).toBe(false);
    expect(paper.remainingSeconds).toBeGreaterThan(500);
    expect(start.body).not.toContain('correct');
    expect(start.body).not.toContain('paragraph');
    expect((await a1.get(`/api/v1/contests/${id}/attempt`)).body).not.toContain('correct');

    // Each person gets their own order of questions and options (seeded by the attempt), same set of questions.
    const other = (await a1b.post(`/api/v1/contests/${id}/attempt`, {})).json();
    const order = (p: { questions: Asked[] }) =>
      p.questions.map((q) => `${q.id}:${q.options.join('|')}`).join(',');
    expect(order(other)).not.toBe(order(paper));
    expect(other.questions.map((q: Asked) => q.id).sort()).toEqual(
      paper.questions.map((q: Asked) => q.id).sort(),
    );
    // Reloading gives the same paper back.
    expect(order((await a1.get(`/api/v1/contests/${id}/attempt`)).json())).toBe(order(paper));

    // Answer everything by option text through the bank, so we know which shown position is right.
    const bank = (await editor.get(`/api/v1/documents/${docId}/questions`)).json().items as Array<{
      id: string;
      options: string[];
      correct: number[];
    }>;
    for (const q of paper.questions as Asked[]) {
      const b = bank.find((x) => x.id === q.id)!;
      const right = b.correct.map((i) => q.options.indexOf(b.options[i]!)).sort();
      const r = await a1.post(`/api/v1/contests/${id}/attempt/answers`, { questionId: q.id, chosen: right });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.body).not.toContain('correct');
    }
    const done = await a1.post(`/api/v1/contests/${id}/attempt/finish`, {});
    expect(done.statusCode).toBe(200);
    expect(done.json().score).toBe(9);
    for (const q of done.json().questions as Asked[]) {
      expect(q.correctOptions).toEqual(q.chosen);
      expect(q.paragraph!.text.length).toBeGreaterThan(0);
    }
    // Second attempt and late changes are refused.
    const second = await a1.post(`/api/v1/contests/${id}/attempt`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONTEST_ALREADY_TAKEN');
    const after = await a1.post(`/api/v1/contests/${id}/attempt/answers`, {
      questionId: paper.questions[0].id,
      chosen: [0],
    });
    expect(after.json().error.code).toBe('CONTEST_FINISHED');

    // Certificate of completion, a PDF with the contest title.
    const cert = await a1.get(`/api/v1/contests/${id}/certificate`);
    expect(cert.statusCode).toBe(200);
    expect(cert.headers['content-type']).toBe('application/pdf');
    expect(cert.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await a2.get(`/api/v1/contests/${id}/certificate`)).json().error.code).toBe('CONTEST_NO_ATTEMPT');
  });

  it('refuses answers after the time limit, closes the attempt at its deadline', async () => {
    const id = await createContest({ questionCount: 3 });
    const paper = (await a2.post(`/api/v1/contests/${id}/attempt`, {})).json();
    const first = paper.questions[0] as Asked;
    expect(
      (await a2.post(`/api/v1/contests/${id}/attempt/answers`, { questionId: first.id, chosen: [0] }))
        .statusCode,
    ).toBe(200);
    // The server's record decides: move this attempt's deadline into the past.
    const past = new Date(Date.now() - 60_000).toISOString();
    await t.ctx.db
      .updateTable('quiz_attempts')
      .set({ deadline_at: past })
      .where('contest_id', '=', id)
      .execute();
    const late = await a2.post(`/api/v1/contests/${id}/attempt/answers`, {
      questionId: paper.questions[1].id,
      chosen: [0],
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('CONTEST_TIME_UP');
    const view = (await a2.get(`/api/v1/contests/${id}/attempt`)).json();
    expect(view.finished).toBe(true);
    expect(view.remainingSeconds).toBe(0);
    expect(view.questions[1].chosen).toEqual([]);
    expect(view.questions[0].correctOptions).toBeDefined();
  });

  it('refuses contests outside their window and people outside the subtree', async () => {
    const later = await createContest({
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 7_200_000).toISOString(),
    });
    expect((await a1.post(`/api/v1/contests/${later}/attempt`, {})).json().error.code).toBe(
      'CONTEST_NOT_OPEN',
    );
    const communeA = await editor.post(`/api/v1/orgs/${tree.communeA.id}/contests`, {
      documentId: docId,
      title: 'Cuộc thi xã Đông Hợp',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      questionCount: 2,
      timeLimitSeconds: 300,
    });
    expect(communeA.statusCode).toBe(201);
    expect((await b1.get(`/api/v1/contests/${communeA.json().id}`)).statusCode).toBe(404);
    expect((await b1.post(`/api/v1/contests/${communeA.json().id}/attempt`, {})).statusCode).toBe(404);
    expect((await b1.get('/api/v1/contests')).json().items.map((c: { id: string }) => c.id)).not.toContain(
      communeA.json().id,
    );
    // Members cannot run contests.
    expect(
      (await a1.post(`/api/v1/orgs/${tree.branchA1.id}/contests`, { documentId: docId })).statusCode,
    ).toBe(403);
  });

  it('ranks per branch, commune and district, each person only within their own boards', async () => {
    const id = await createContest({ questionCount: 4 });
    for (const c of [a1, a1b, a2, b1]) {
      const paper = (await c.post(`/api/v1/contests/${id}/attempt`, {})).json();
      // a1 answers everything 0, others answer nothing: scores differ by who guessed right.
      if (c === a1)
        for (const q of paper.questions as Asked[])
          await c.post(`/api/v1/contests/${id}/attempt/answers`, { questionId: q.id, chosen: [0] });
      expect((await c.post(`/api/v1/contests/${id}/attempt/finish`, {})).statusCode).toBe(200);
    }
    const detail = (await a1.get(`/api/v1/contests/${id}`)).json();
    expect(detail.boards.map((b: { orgId: string }) => b.orgId)).toEqual([
      tree.branchA1.id,
      tree.communeA.id,
      tree.district.id,
    ]);
    // Only the contest's runners get the results of every organisation below.
    expect(detail).toMatchObject({ canManage: false, canTake: true });
    expect((await editor.get(`/api/v1/contests/${id}`)).json()).toMatchObject({
      canManage: true,
      canTake: false,
    });
    const board = async (c: Client, orgId?: string) =>
      c.get(`/api/v1/contests/${id}/leaderboard${orgId ? `?orgId=${orgId}` : ''}`);
    const branch = (await board(a1)).json();
    expect(branch.org.id).toBe(tree.branchA1.id);
    expect(branch.entries).toHaveLength(2);
    expect(branch.entries.filter((e: { me: boolean }) => e.me)).toHaveLength(1);
    expect((await board(a1, tree.communeA.id)).json().entries).toHaveLength(3);
    expect((await board(a1, tree.district.id)).json().entries).toHaveLength(4);
    // A member of commune B does not see commune A's board or branch A1's; the district committee sees all.
    expect((await board(b1, tree.communeA.id)).statusCode).toBe(404);
    expect((await board(b1, tree.branchA1.id)).statusCode).toBe(404);
    expect((await board(editor, tree.branchB1.id)).json().entries).toHaveLength(1);
    expect((await board(a1, tree.province.id)).statusCode).toBe(404);
  });
});
