import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import type { DomainEvent } from '../../platform/events/bus.ts';
import { signCheckIn } from './checkin.ts';

let t: TestApp;
let tree: SmallTree;
let sec: Client;
let member: Client;
let probationary: Client;
let hosted: Client;
let commune: Client;
let communeB: Client;
let sibling: Client;
let ids: { sec: string; member: string; probationary: string; absent: string; hosted: string };
const events: DomainEvent[] = [];
let meetingId = '';

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

async function meeting(c: Client = sec) {
  const res = await c.get(`/api/v1/meetings/${meetingId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    version: number;
    status: string;
    steps: Array<{ id: string; kind: string; state: string; optional: boolean }>;
    draft: {
      version: number;
      assessment: Array<{ id: string; text: string }>;
      tasks: Array<{ id: string }>;
    } | null;
    materialsWarning: { code: string } | null;
  };
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  ids = {
    sec: await makeMember(t.ctx, tree.branchA1, { fullName: 'Nguyễn Văn Thành', position: 'Bí thư Chi bộ' }),
    member: await makeMember(t.ctx, tree.branchA1, { fullName: 'Phạm Thị Hoa' }),
    probationary: await makeMember(t.ctx, tree.branchA1, {
      fullName: 'Trần Văn Dự',
      kind: 'probationary',
      fullMemberOn: null,
    }),
    absent: await makeMember(t.ctx, tree.branchA1, { fullName: 'Lê Thị Vắng' }),
    // A member of branch A2 in temporary party activity at A1: takes part there, votes at home.
    hosted: await makeMember(t.ctx, tree.branchA2, {
      fullName: 'Đỗ Văn Tạm',
      status: 'temporarily_transferred',
    }),
  };
  await t.ctx.db
    .updateTable('members')
    .set({ host_org_id: tree.branchA1.id })
    .where('id', '=', ids.hosted)
    .execute();
  await makeAccount(t.ctx, {
    login: 'bt',
    memberId: ids.sec,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  await makeAccount(t.ctx, { login: 'dv', memberId: ids.member });
  await makeAccount(t.ctx, { login: 'db', memberId: ids.probationary });
  await makeAccount(t.ctx, { login: 'tam', memberId: ids.hosted });
  await makeAccount(t.ctx, { login: 'xa', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'xb', roles: [{ role: 'committee_member', org: tree.communeB }] });
  const a2 = await makeMember(t.ctx, tree.branchA2);
  await makeAccount(t.ctx, { login: 'a2', memberId: a2, roles: [{ role: 'secretary', org: tree.branchA2 }] });
  const clients = await Promise.all(
    ['bt', 'dv', 'db', 'tam', 'xa', 'xb', 'a2'].map((l) => login(t.app, l, PASSWORD)),
  );
  [sec, member, probationary, hosted, commune, communeB, sibling] = clients as [
    Client,
    Client,
    Client,
    Client,
    Client,
    Client,
    Client,
  ];
  t.ctx.bus.subscribe('meeting.*', (e) => events.push(e));
});
afterAll(() => t?.close());

describe('procedure templates', () => {
  it('offers the default monthly and themed procedures and those published by the commune', async () => {
    const res = await sec.get(`/api/v1/orgs/${tree.branchA1.id}/meeting-templates`);
    expect(res.statusCode).toBe(200);
    const kinds = res
      .json()
      .items.map((x: { meetingKind: string; source: string }) => `${x.source}:${x.meetingKind}`);
    expect(kinds).toEqual(expect.arrayContaining(['default:regular', 'default:themed']));

    const steps = [
      { key: 'roll_call', kind: 'roll_call', title: 'Điểm danh', description: '' },
      { key: 'topic', kind: 'themed_topic', title: 'Chuyên đề học tập và làm theo Bác', description: '' },
      { key: 'vote', kind: 'vote', title: 'Biểu quyết', description: '' },
    ];
    const bad = await commune.post(`/api/v1/orgs/${tree.communeA.id}/meeting-templates`, {
      meetingKind: 'themed',
      title: 'Sai',
      steps: [steps[2], steps[0]],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].code).toBe('TEMPLATE_VOTE_BEFORE_ROLL_CALL');
    const created = await commune.post(`/api/v1/orgs/${tree.communeA.id}/meeting-templates`, {
      meetingKind: 'themed',
      title: 'Chuyên đề quý IV của Đảng ủy xã',
      steps,
      published: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const seen = await sec.get(`/api/v1/orgs/${tree.branchA1.id}/meeting-templates`);
    expect(seen.json().items[0]).toMatchObject({ source: 'upper', title: 'Chuyên đề quý IV của Đảng ủy xã' });
    const other = await communeB.get(`/api/v1/orgs/${tree.branchB1.id}/meeting-templates`);
    expect(other.json().items.some((x: { source: string }) => x.source === 'upper')).toBe(false);
    // Members of the branch cannot edit it.
    expect(
      (
        await member.put(`/api/v1/meeting-templates/${created.json().id}`, {
          meetingKind: 'themed',
          title: 'x',
          steps,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('preparation', () => {
  it('creates the month’s meeting from the template, hidden from members while in draft', async () => {
    expect(
      (
        await member.post(`/api/v1/orgs/${tree.branchA1.id}/meetings`, {
          kind: 'regular',
          startsAt: inHours(12),
          place: 'Nhà văn hóa',
        })
      ).statusCode,
    ).toBe(403);
    const notBranch = await commune.post(`/api/v1/orgs/${tree.communeA.id}/meetings`, {
      kind: 'regular',
      startsAt: inHours(12),
      place: 'x',
    });
    expect(notBranch.json().error.code).toBe('MEETING_ORG_NOT_BRANCH');
    const res = await sec.post(`/api/v1/orgs/${tree.branchA1.id}/meetings`, {
      kind: 'regular',
      startsAt: inHours(12),
      place: 'Nhà văn hóa thôn Nguyệt Lâm 3',
      online: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    meetingId = res.json().id;
    expect(res.json().status).toBe('draft');
    expect((await member.get(`/api/v1/meetings/${meetingId}`)).statusCode).toBe(404);
    const m = await meeting();
    expect(m.steps.map((s) => s.kind)).toEqual(expect.arrayContaining(['roll_call', 'vote', 'minutes']));
  });

  it('attaches materials and writes a structured draft resolution', async () => {
    expect(
      (
        await sec.post(`/api/v1/meetings/${meetingId}/materials`, {
          kind: 'link',
          title: 'x',
          url: 'javascript:alert(1)',
        })
      ).json().error.code,
    ).toBe('MEETING_MATERIAL_INVALID');
    expect(
      (
        await sec.post(`/api/v1/meetings/${meetingId}/materials`, {
          kind: 'document',
          title: 'Nghị quyết Đảng ủy xã tháng 11',
          documentId: 'doc-123',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await sec.post(`/api/v1/meetings/${meetingId}/materials`, {
          kind: 'guidance',
          title: 'Hướng dẫn 42-HD/BTCTW',
          url: 'https://example.vn/42',
        })
      ).statusCode,
    ).toBe(201);
    const draft = await sec.put(`/api/v1/meetings/${meetingId}/draft`, {
      title: 'Nghị quyết chi bộ tháng 11',
      assessment: [
        { text: 'Chi bộ lãnh đạo hoàn thành việc thu hoạch lúa mùa, năng suất đạt 65 tạ/ha.' },
        { text: 'Công tác vệ sinh môi trường còn hạn chế ở xóm Đông.' },
      ],
      tasks: [
        { content: 'Ra quân làm sạch đường làng', owner: 'Chi hội Phụ nữ', deadline: '2026-12-10' },
        { content: 'Vận động nộp quỹ khuyến học', owner: 'Đồng chí Hoa' },
      ],
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().assessment[0].id).toMatch(/^p-/);
  });

  it('stores an uploaded file as a material and serves it to members', async () => {
    const boundary = '----sotaymeeting';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Báo cáo tháng.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from('Báo cáo kết quả sản xuất vụ mùa của thôn.\n'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/materials/upload`,
      headers: {
        cookie: sec.cookie,
        'x-sotay-client': 'test',
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = (await sec.get(`/api/v1/meetings/${meetingId}`)).json();
    const file = m.materials.find((x: { kind: string }) => x.kind === 'file');
    expect(file.fileName).toBe('Báo cáo tháng.txt');
    const got = await sec.get(file.url);
    expect(got.statusCode).toBe(200);
    expect(got.body).toContain('vụ mùa');
  });

  it('publishes to the branch with the one-day warning and records who opened the materials', async () => {
    const m = await meeting();
    const res = await sec.post(`/api/v1/meetings/${meetingId}/publish`, { expectedVersion: m.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().warning.code).toBe('MATERIALS_LATE');
    const seen = await meeting(member);
    expect(seen.status).toBe('published');
    expect(seen.draft?.version).toBe(1);
    expect((await member.post(`/api/v1/meetings/${meetingId}/read`)).statusCode).toBe(200);
    const reads = (await sec.get(`/api/v1/meetings/${meetingId}/reads`)).json();
    // The secretary opened the uploaded file above; the member opened the meeting.
    expect(reads.opened).toBe(2);
    expect(reads.notOpened).not.toContain(ids.member);
    expect(reads.reminders.map((r: { kind: string }) => r.kind)).toContain('same_day');
    expect(reads.items.find((r: { memberId: string }) => r.memberId === ids.member).openedAt).toBeTruthy();
    expect((await member.get(`/api/v1/meetings/${meetingId}/reads`)).statusCode).toBe(403);
  });

  it('makes the published materials and draft findable by the branch and the committees above, not a sibling', async () => {
    const q = encodeURIComponent('Nghị quyết Đảng ủy xã tháng 11');
    const hits = async (c: Client) =>
      (
        (await c.get(`/api/v1/search?q=${q}&type=meeting`)).json().hits as Array<{ id: string; url: string }>
      ).map((h) => h.id);
    expect(await hits(member)).toContain(meetingId);
    expect(await hits(commune)).toContain(meetingId);
    expect(await hits(sibling)).not.toContain(meetingId);
    expect(await hits(communeB)).not.toContain(meetingId);
  });
});

describe('comments before the meeting', () => {
  it('takes comments per paragraph and per agenda item, in threads; the secretary marks them', async () => {
    const m = await meeting(member);
    const para = m.draft!.assessment[1]!.id;
    const c1 = await member.post(`/api/v1/meetings/${meetingId}/comments`, {
      targetKind: 'paragraph',
      targetId: para,
      body: 'Đề nghị nêu rõ nguyên nhân: thiếu thùng rác ở xóm Đông.',
    });
    expect(c1.statusCode, c1.body).toBe(201);
    const agenda = await member.post(`/api/v1/meetings/${meetingId}/comments`, {
      targetKind: 'agenda',
      targetId: m.steps[4]!.id,
      body: 'Xin thông tin thêm về lịch tiêm phòng.',
    });
    expect(agenda.statusCode).toBe(201);
    const unknown = await member.post(`/api/v1/meetings/${meetingId}/comments`, {
      targetKind: 'paragraph',
      targetId: 'p-nope',
      body: 'x',
    });
    expect(unknown.json().error.code).toBe('MEETING_COMMENT_TARGET_UNKNOWN');
    const reply = await sec.post(`/api/v1/meetings/${meetingId}/comments`, {
      targetKind: 'paragraph',
      targetId: para,
      parentId: c1.json().id,
      body: 'Chi bộ tiếp thu, sẽ bổ sung.',
    });
    expect(reply.statusCode).toBe(201);
    expect(
      (await member.put(`/api/v1/meetings/${meetingId}/comments/${c1.json().id}`, { status: 'accepted' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await sec.put(`/api/v1/meetings/${meetingId}/comments/${c1.json().id}`, {
          status: 'accepted',
          answer: 'Đã bổ sung',
        })
      ).statusCode,
    ).toBe(200);
    const list = (await member.get(`/api/v1/meetings/${meetingId}/comments`)).json();
    const byPara = list.items.filter((c: { targetId: string }) => c.targetId === para);
    expect(byPara).toHaveLength(2);
    expect(byPara[0]).toMatchObject({ status: 'accepted', answer: 'Đã bổ sung', authorName: 'Phạm Thị Hoa' });
    expect(byPara[1].parentId).toBe(c1.json().id);
  });

  it('publishes a revised draft; versions are kept and shown as a diff', async () => {
    const m = await meeting();
    const d = m.draft!;
    const res = await sec.put(`/api/v1/meetings/${meetingId}/draft`, {
      title: 'Nghị quyết chi bộ tháng 11',
      assessment: [
        d.assessment[0],
        {
          id: d.assessment[1]!.id,
          text: 'Công tác vệ sinh môi trường còn hạn chế ở xóm Đông do thiếu thùng rác.',
        },
      ],
      tasks: [
        {
          id: d.tasks[0]!.id,
          content: 'Ra quân làm sạch đường làng',
          owner: 'Chi hội Phụ nữ',
          deadline: '2026-12-10',
        },
      ],
    });
    expect(res.json().version).toBe(2);
    // Members still see version 1 until it is published.
    expect((await meeting(member)).draft?.version).toBe(1);
    expect(
      (await sec.post(`/api/v1/meetings/${meetingId}/draft/publish`, { note: 'Tiếp thu góp ý' })).json()
        .version,
    ).toBe(2);
    const versions = (await member.get(`/api/v1/meetings/${meetingId}/drafts`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const diff = (await member.get(`/api/v1/meetings/${meetingId}/drafts/diff?from=1&to=2`)).json().diff;
    expect(diff.stats).toMatchObject({ changed: 1, removed: 1 });
    expect(
      diff.assessment[1].inline.some(
        (p: { type: string; text: string }) => p.type === 'added' && p.text.includes('thùng'),
      ),
    ).toBe(true);
  });
});

describe('live meeting', () => {
  it('starts only for the secretary and with the current version', async () => {
    const m = await meeting();
    expect(
      (await member.post(`/api/v1/meetings/${meetingId}/start`, { expectedVersion: m.version })).statusCode,
    ).toBe(403);
    const stale = await sec.post(`/api/v1/meetings/${meetingId}/start`, { expectedVersion: m.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('MEETING_VERSION_CONFLICT');
    const res = await sec.post(`/api/v1/meetings/${meetingId}/start`, { expectedVersion: m.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('live');
  });

  it('refuses a step out of order and lets only one of two secretaries win a race', async () => {
    const m = await meeting();
    const out = await sec.post(`/api/v1/meetings/${meetingId}/steps`, {
      action: 'open',
      stepId: m.steps[2]!.id,
      expectedVersion: m.version,
    });
    expect(out.json().error.code).toBe('MEETING_STEP_OUT_OF_ORDER');
    const [a, b] = await Promise.all([
      sec.post(`/api/v1/meetings/${meetingId}/steps`, {
        action: 'open',
        stepId: m.steps[0]!.id,
        expectedVersion: m.version,
      }),
      sec.post(`/api/v1/meetings/${meetingId}/steps`, {
        action: 'close',
        stepId: m.steps[0]!.id,
        expectedVersion: m.version,
      }),
    ]);
    const codes = [a, b].map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(200);
    expect(codes[1]).toBe(409);
    const after = await meeting();
    expect(after.version).toBe(m.version + 1);
    expect(after.steps[0]!.state).toBe('open');
    expect(
      events.some(
        (e) => e.topic === `meeting.${meetingId}.step` && e.payload.currentStepId === m.steps[0]!.id,
      ),
    ).toBe(true);
  });

  it('takes the roll call and computes the quorum by the rules', async () => {
    const res = await sec.put(`/api/v1/meetings/${meetingId}/attendance`, {
      marks: [
        { memberId: ids.sec, mark: 'present' },
        { memberId: ids.probationary, mark: 'present' },
        { memberId: ids.hosted, mark: 'present' },
        { memberId: ids.absent, mark: 'absent_with_reason', reason: 'Đi làm ăn xa' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    // Base: secretary, member, probationary, absent-with-reason (the hosted member is outside it).
    expect(res.json()).toMatchObject({ base: 4, present: 2, required: 3, quorumMet: false, voteBase: 2 });
    const missing = await sec.put(`/api/v1/meetings/${meetingId}/attendance`, {
      marks: [{ memberId: ids.absent, mark: 'absent_with_reason', reason: ' ' }],
    });
    expect(missing.statusCode).toBe(422);
  });

  it('lets a member check in with the code under the QR; refuses expired, forged and foreign codes', async () => {
    expect((await member.post(`/api/v1/meetings/${meetingId}/check-in-code`)).statusCode).toBe(403);
    const qr = (await sec.post(`/api/v1/meetings/${meetingId}/check-in-code`)).json();
    expect(qr.code).toMatch(/^\d{6}$/);
    expect(qr.svg).toContain('<svg');
    const row = await t.ctx.db
      .selectFrom('meetings')
      .select('qr_secret')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    const expired = signCheckIn(row.qr_secret, meetingId, Date.now() - 1000);
    const e = await member.post(`/api/v1/meetings/${meetingId}/check-in`, { token: expired.token });
    expect(e.statusCode).toBe(410);
    expect(e.json().error.code).toBe('MEETING_CHECKIN_EXPIRED');
    const forged = signCheckIn('another-secret', meetingId, Date.now() + 60_000);
    expect(
      (await member.post(`/api/v1/meetings/${meetingId}/check-in`, { token: forged.token })).json().error
        .code,
    ).toBe('MEETING_CHECKIN_INVALID');
    expect(
      (
        await member.post(`/api/v1/meetings/${meetingId}/check-in`, {
          code: '000000' === qr.code ? '111111' : '000000',
        })
      ).json().error.code,
    ).toBe('MEETING_CHECKIN_INVALID');
    // The commune committee sees the meeting but is not on the branch's roll; another branch does not see it.
    expect(
      (await commune.post(`/api/v1/meetings/${meetingId}/check-in`, { code: qr.code })).json().error.code,
    ).toBe('MEETING_CHECKIN_NOT_MEMBER');
    expect((await sibling.post(`/api/v1/meetings/${meetingId}/check-in`, { code: qr.code })).statusCode).toBe(
      404,
    );
    const ok = await member.post(`/api/v1/meetings/${meetingId}/check-in`, { token: qr.token });
    expect(ok.statusCode, ok.body).toBe(200);
    const att = (await member.get(`/api/v1/meetings/${meetingId}/attendance`)).json();
    expect(att).toMatchObject({ present: 3, quorumMet: true, voteBase: 2 });
    expect(att.members.find((x: { memberId: string }) => x.memberId === ids.member).checkedIn).toBe(true);
  });

  it('keeps notes per step by the minute-taker only', async () => {
    const m = await meeting();
    const body = { stepId: m.steps[0]!.id, text: 'Thu đảng phí đủ 100%.', speaker: 'Nguyễn Văn Thành' };
    expect((await member.post(`/api/v1/meetings/${meetingId}/notes`, body)).json().error.code).toBe(
      'MEETING_NOT_MINUTE_TAKER',
    );
    expect((await sec.post(`/api/v1/meetings/${meetingId}/notes`, body)).statusCode).toBe(201);
    expect(
      (
        await sec.post(`/api/v1/meetings/${meetingId}/notes`, {
          stepId: m.steps[0]!.id,
          text: 'Hoàn thành.',
          kind: 'conclusion',
        })
      ).statusCode,
    ).toBe(201);
  });
});

async function advanceTo(kind: string) {
  for (;;) {
    const m = await meeting();
    const open = m.steps.find((s) => s.state === 'open');
    if (open?.kind === kind) return m;
    const next = open ?? m.steps.find((s) => s.state === 'pending')!;
    const action = open ? 'close' : next.optional && next.kind !== kind ? 'skip' : 'open';
    const res = await sec.post(`/api/v1/meetings/${meetingId}/steps`, {
      action,
      stepId: next.id,
      expectedVersion: m.version,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe('vote', () => {
  let motionId = '';
  it('refuses to end the meeting before the steps are done', async () => {
    const m = await meeting();
    expect(
      (await sec.post(`/api/v1/meetings/${meetingId}/end`, { expectedVersion: m.version })).json().error.code,
    ).toBe('MEETING_STEPS_INCOMPLETE');
  });

  it('records each member’s vote; refuses twice, probationary and temporarily transferred members', async () => {
    await advanceTo('vote');
    const open = await sec.post(`/api/v1/meetings/${meetingId}/motions`, {
      title: 'Thông qua Nghị quyết chi bộ tháng 11',
      method: 'app',
      isResolution: true,
    });
    expect(open.statusCode, open.body).toBe(201);
    motionId = open.json().id;
    const url = `/api/v1/meetings/${meetingId}/motions/${motionId}/ballots`;
    expect((await member.post(url, { choice: 'for' })).statusCode).toBe(201);
    const twice = await member.post(url, { choice: 'against' });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'VOTE_DUPLICATE']);
    expect((await probationary.post(url, { choice: 'for' })).json().error.code).toBe(
      'VOTE_NOT_ELIGIBLE_PROBATIONARY',
    );
    expect((await hosted.post(url, { choice: 'for' })).json().error.code).toBe(
      'VOTE_NOT_ELIGIBLE_TRANSFERRED',
    );
    expect((await commune.post(url, { choice: 'for' })).json().error.code).toBe('VOTE_NOT_A_MEMBER');
    expect((await sec.post(url, { choice: 'for' })).statusCode).toBe(201);
    const mine = (await member.get(`/api/v1/meetings/${meetingId}/motions`)).json();
    expect(mine.items[0]).toMatchObject({ myChoice: 'for', ballots: 2, status: 'open' });
    expect(mine.eligibility.eligible).toBe(true);
  });

  it('closes the vote with a final result by the rules and records the resolution’s tasks', async () => {
    const res = await sec.post(`/api/v1/meetings/${meetingId}/motions/${motionId}/close`);
    expect(res.statusCode, res.body).toBe(200);
    // Vote base: the two full members present (probationary and hosted members do not count): 2 > 1.
    expect(res.json().outcome).toMatchObject({ for: 2, base: 2, threshold: 2, passed: true });
    const late = await member.post(`/api/v1/meetings/${meetingId}/motions/${motionId}/ballots`, {
      choice: 'for',
    });
    expect([late.statusCode, late.json().error.code]).toEqual([409, 'VOTE_CLOSED']);
    const resolution = (await member.get(`/api/v1/meetings/${meetingId}/resolution`)).json();
    expect(resolution.adopted).toBe(true);
    expect(resolution.tasks).toEqual([
      {
        id: expect.any(String),
        content: 'Ra quân làm sạch đường làng',
        owner: 'Chi hội Phụ nữ',
        deadline: '2026-12-10',
      },
    ]);
    const adopted = events.find((e) => e.topic === 'meeting.resolution.adopted');
    expect(adopted?.payload).toMatchObject({
      meetingId,
      tasks: [expect.objectContaining({ owner: 'Chi hội Phụ nữ' })],
    });
  });

  it('records a show of hands and refuses more hands than voters', async () => {
    const m = await meeting();
    const open = await sec.post(`/api/v1/meetings/${meetingId}/motions`, {
      title: 'Kết nạp quần chúng ưu tú',
      method: 'show_of_hands',
    });
    const id = open.json().id;
    expect(
      (
        await sec.put(`/api/v1/meetings/${meetingId}/motions/${id}/hands`, { for: 2, against: 1, abstain: 0 })
      ).json().error.code,
    ).toBe('MEETING_VOTE_COUNTS_INVALID');
    expect(
      (await member.post(`/api/v1/meetings/${meetingId}/motions/${id}/ballots`, { choice: 'for' })).json()
        .error.code,
    ).toBe('MEETING_VOTE_METHOD');
    expect(
      (await sec.put(`/api/v1/meetings/${meetingId}/motions/${id}/hands`, { for: 1, against: 1, abstain: 0 }))
        .statusCode,
    ).toBe(200);
    const closed = (await sec.post(`/api/v1/meetings/${meetingId}/motions/${id}/close`)).json();
    expect(closed.outcome).toMatchObject({ for: 1, passed: false });
    expect(m.status).toBe('live');
  });
});

describe('minutes, closing and history', () => {
  it('ends the meeting, generates the minutes, lets the minute-taker edit and approve them', async () => {
    for (;;) {
      const m = await meeting();
      const open = m.steps.find((s) => s.state === 'open');
      const next = open ?? m.steps.find((s) => s.state === 'pending');
      if (!next) break;
      const action = open ? 'close' : next.optional ? 'skip' : 'open';
      expect(
        (
          await sec.post(`/api/v1/meetings/${meetingId}/steps`, {
            action,
            stepId: next.id,
            expectedVersion: m.version,
          })
        ).statusCode,
      ).toBe(200);
    }
    const m = await meeting();
    const end = await sec.post(`/api/v1/meetings/${meetingId}/end`, { expectedVersion: m.version });
    expect(end.statusCode, end.body).toBe(200);
    const minutes = (await member.get(`/api/v1/meetings/${meetingId}/minutes`)).json();
    expect(minutes.canEdit).toBe(false);
    expect(minutes.minutes.attendance).toMatchObject({ present: 3, absentWithReason: 1 });
    expect(minutes.minutes.attendance.absentMembers[0]).toMatchObject({
      name: 'Lê Thị Vắng',
      reason: 'Đi làm ăn xa',
    });
    expect(minutes.minutes.items[0].notes[0].text).toBe('Thu đảng phí đủ 100%.');
    const edit = {
      items: [{ index: 1, notes: [{ speaker: 'Nguyễn Văn Thành', text: 'Thu đảng phí tháng 11 đủ 100%.' }] }],
      conclusion: 'Chi bộ thống nhất cao.',
    };
    expect((await member.put(`/api/v1/meetings/${meetingId}/minutes`, edit)).statusCode).toBe(403);
    const edited = await sec.put(`/api/v1/meetings/${meetingId}/minutes`, edit);
    expect(edited.statusCode, edited.body).toBe(200);
    const after = await meeting();
    expect(
      (
        await sec.post(`/api/v1/meetings/${meetingId}/minutes/approve`, { expectedVersion: after.version })
      ).json().status,
    ).toBe('minutes_approved');
    expect((await sec.put(`/api/v1/meetings/${meetingId}/minutes`, edit)).json().error.code).toBe(
      'MEETING_CLOSED',
    );
  });

  it('exports the minutes as DOCX and PDF in the customary layout', async () => {
    const docx = await member.get(`/api/v1/meetings/${meetingId}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    const text = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    for (const s of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'CHI BỘ THÔN NGUYỆT LÂM 3',
      'BIÊN BẢN HỌP CHI BỘ',
      'Thu đảng phí tháng 11 đủ 100%.',
      'Lê Thị Vắng',
      'thông qua',
      'Chi bộ thống nhất cao.',
    ])
      expect(text).toContain(s);
    const pdf = await member.get(`/api/v1/meetings/${meetingId}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.toString('latin1')).toContain('DejaVuSans');
  });

  it('refuses every change to a closed meeting', async () => {
    const m = await meeting();
    expect((await sec.put(`/api/v1/meetings/${meetingId}`, { place: 'Khác' })).json().error.code).toBe(
      'MEETING_CLOSED',
    );
    expect(
      (
        await sec.post(`/api/v1/meetings/${meetingId}/materials`, {
          kind: 'link',
          title: 'x',
          url: 'https://a.vn',
        })
      ).json().error.code,
    ).toBe('MEETING_CLOSED');
    expect((await sec.put(`/api/v1/meetings/${meetingId}/attendance`, { marks: [] })).json().error.code).toBe(
      'MEETING_CLOSED',
    );
    expect(
      (
        await sec.post(`/api/v1/meetings/${meetingId}/steps`, {
          action: 'open',
          stepId: m.steps[0]!.id,
          expectedVersion: m.version,
        })
      ).json().error.code,
    ).toBe('MEETING_CLOSED');
    expect(
      (
        await member.post(`/api/v1/meetings/${meetingId}/comments`, {
          targetKind: 'general',
          targetId: 'all',
          body: 'Muộn',
        })
      ).json().error.code,
    ).toBe('MEETING_COMMENTS_CLOSED');
  });

  it('keeps start, end and duration; the chair and the upper committee score the quality', async () => {
    const q = (await commune.get(`/api/v1/meetings/${meetingId}/quality`)).json();
    expect(q.checklist.items.length).toBeGreaterThan(3);
    expect(q.duration).toMatchObject({ ok: false, required: 90 });
    expect(
      (await member.post(`/api/v1/meetings/${meetingId}/quality`, { answers: { procedure: true } })).json()
        .error.code,
    ).toBe('MEETING_QUALITY_FORBIDDEN');
    const upper = await commune.post(`/api/v1/meetings/${meetingId}/quality`, {
      answers: { ...q.suggested, procedure: true, minutes: true },
    });
    expect(upper.statusCode, upper.body).toBe(201);
    expect(upper.json().role).toBe('upper');
    expect(
      (await sec.post(`/api/v1/meetings/${meetingId}/quality`, { answers: { procedure: true } })).json().role,
    ).toBe('chair');
    const m = (await sec.get(`/api/v1/meetings/${meetingId}`)).json();
    expect(m.startedAt).toBeTruthy();
    expect(m.endedAt).toBeTruthy();
    expect(typeof m.durationMinutes).toBe('number');
  });

  it('shows the history to the branch and upper committees, never to a sibling', async () => {
    const past = (await commune.get(`/api/v1/orgs/${tree.communeA.id}/meetings?scope=past`)).json();
    expect(past.items.map((x: { id: string }) => x.id)).toContain(meetingId);
    expect(
      (await member.get(`/api/v1/orgs/${tree.branchA1.id}/meetings?scope=past`)).json().items,
    ).toHaveLength(1);
    for (const c of [communeB, sibling]) {
      expect((await c.get(`/api/v1/meetings/${meetingId}`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/meetings/${meetingId}/minutes`)).statusCode).toBe(404);
    }
    expect((await communeB.get(`/api/v1/orgs/${tree.communeA.id}/meetings`)).statusCode).toBe(404);
    expect((await sibling.get(`/api/v1/orgs/${tree.branchA1.id}/meetings`)).statusCode).toBe(404);
  });
});
