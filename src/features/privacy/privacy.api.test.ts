import { sql } from 'kysely';
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
import { mutate } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob, runDueJobs } from '../../platform/jobs/queue.ts';
import { createMeeting } from '../meetings/service.ts';
import { ERASED_NAME, ERASED_TEXT } from './registry.ts';
import { RETENTION_JOB } from './retention.ts';
import type { PersonalData } from './service.ts';

let t: TestApp;
let tree: SmallTree;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
});
afterAll(() => t?.close());

interface Person {
  memberId: string;
  accountId: string;
  client: Client;
}

/** A member of branch A1 with an account, a note, a petition, a notification and a calendar feed of their own. */
async function memberWithData(fullName: string, login_: string, marker: string): Promise<Person> {
  const memberId = await makeMember(t.ctx, tree.branchA1, { fullName, birthDate: '1958-03-08' });
  const { id: accountId } = await makeAccount(t.ctx, { login: login_, memberId });
  const client = await login(t.app, login_, PASSWORD);
  const note = await client.post('/api/v1/notebook/notes', {
    title: `Ghi chép ${marker}`,
    html: `<p>Nội dung riêng ${marker}</p>`,
    tags: ['riêng'],
  });
  expect(note.statusCode, note.body).toBe(201);
  const petition = await client.post('/api/v1/petitions', {
    orgId: tree.branchA1.id,
    category: 'kinh_te_xa_hoi',
    title: `Kiến nghị ${marker}`,
    body: `Đề nghị sửa đường thôn ${marker}`,
  });
  expect(petition.statusCode, petition.body).toBe(201);
  await t.ctx.db
    .insertInto('notifications')
    .values({
      id: newId(),
      account_id: accountId,
      kind: 'news',
      topic: 'news.published',
      event_key: `test:${marker}`,
      title: `Thông báo ${marker}`,
      body: 'Có tin mới',
      url: null,
      created_at: new Date().toISOString(),
      read_at: null,
    })
    .execute();
  await t.ctx.db
    .insertInto('calendar_feeds')
    .values({ account_id: accountId, token_hash: `hash-${marker}`, created_at: new Date().toISOString() })
    .execute();
  return { memberId, accountId, client };
}

/** A held meeting of branch A1 where both members were present, voted and commented. */
async function meetingWith(people: Array<{ p: Person; name: string; marker: string }>): Promise<string> {
  const actor = { accountId: null, ip: null, requestId: 'test' };
  const meetingId = await mutate(t.ctx, actor, (uow) =>
    createMeeting(
      uow,
      tree.branchA1,
      {
        kind: 'regular',
        startsAt: new Date(Date.now() + DAY).toISOString(),
        place: 'Nhà văn hóa',
        online: false,
      },
      { accountId: 'x', memberId: null },
    ),
  );
  const motionId = newId();
  const now = new Date().toISOString();
  await t.ctx.db
    .insertInto('meeting_motions')
    .values({
      id: motionId,
      meeting_id: meetingId,
      title: 'Thông qua nghị quyết tháng',
      method: 'app',
      is_resolution: 1,
      status: 'closed',
      hands: null,
      outcome: null,
      created_at: now,
      closed_at: now,
    })
    .execute();
  for (const { p, name, marker } of people) {
    await t.ctx.db
      .insertInto('meeting_attendance')
      .values({
        meeting_id: meetingId,
        member_id: p.memberId,
        mark: 'present',
        reason: `Lý do ${marker}`,
        remote: 0,
        source: 'secretary',
        at: now,
      })
      .execute();
    await t.ctx.db
      .insertInto('meeting_ballots')
      .values({ motion_id: motionId, member_id: p.memberId, choice: 'for', at: now })
      .execute();
    await t.ctx.db
      .insertInto('meeting_comments')
      .values({
        id: newId(),
        meeting_id: meetingId,
        target_kind: 'general',
        target_id: meetingId,
        parent_id: null,
        draft_version: null,
        author_account_id: p.accountId,
        author_member_id: p.memberId,
        author_name: name,
        body: `Góp ý ${marker}`,
        status: 'open',
        answer: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.ctx.db
      .insertInto('meeting_notes')
      .values({
        id: newId(),
        meeting_id: meetingId,
        step_id: 'thao-luan',
        speaker: name,
        text: `Phát biểu ${marker}`,
        kind: 'note',
        created_at: now,
      })
      .execute();
  }
  return meetingId;
}

function section(data: PersonalData, feature: string) {
  const s = data.sections.find((x) => x.feature === feature);
  if (!s) throw new Error(`no section ${feature}`);
  return s.data as Record<string, unknown>;
}

describe('personal data', () => {
  let huong: Person;
  let binh: Person;
  let meetingId: string;

  beforeAll(async () => {
    huong = await memberWithData('Phạm Thị Thu Hường', 'dv-huong', 'HUONG');
    binh = await memberWithData('Trần Văn Bình', 'dv-binh', 'BINH');
    meetingId = await meetingWith([
      { p: huong, name: 'Phạm Thị Thu Hường', marker: 'HUONG' },
      { p: binh, name: 'Trần Văn Bình', marker: 'BINH' },
    ]);
  });

  it('gives a member everything held about them, from every feature, and nothing of anyone else', async () => {
    const res = await huong.client.get('/api/v1/me/personal-data');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(res.body) as PersonalData;
    expect(section(data, 'members').profile).toMatchObject({
      fullName: 'Phạm Thị Thu Hường',
      birthDate: '1958-03-08',
    });
    expect(section(data, 'accounts').account).toMatchObject({ login: 'dv-huong' });
    expect((section(data, 'accounts').sessions as unknown[]).length).toBeGreaterThan(0);
    expect(section(data, 'two-factor').state).toMatchObject({ enabled: false });
    const audit = section(data, 'audit').entries as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toContain('auth.login');
    // The notebook is decrypted for its owner.
    expect(section(data, 'notebook').notes).toEqual([
      expect.objectContaining({
        title: 'Ghi chép HUONG',
        text: expect.stringContaining('Nội dung riêng HUONG'),
      }),
    ]);
    expect(section(data, 'petitions').sent).toEqual([
      expect.objectContaining({ title: 'Kiến nghị HUONG', body: 'Đề nghị sửa đường thôn HUONG' }),
    ]);
    expect(section(data, 'notifications').inbox).toEqual([
      expect.objectContaining({ title: 'Thông báo HUONG' }),
    ]);
    expect(section(data, 'calendar').feed).toMatchObject({ exists: true });
    const meetings = section(data, 'meetings');
    expect(meetings.attendance).toEqual([
      expect.objectContaining({ mark: 'present', reason: 'Lý do HUONG' }),
    ]);
    expect(meetings.votes).toEqual([expect.objectContaining({ choice: 'for' })]);
    expect(meetings.comments).toEqual([expect.objectContaining({ body: 'Góp ý HUONG' })]);
    // Every registered feature has its section, in composition order.
    expect(data.sections.map((s) => s.feature)).toEqual(
      expect.arrayContaining(['members', 'accounts', 'notebook', 'meetings', 'quizzes', 'study', 'tasks']),
    );
    // Nothing of the other member, and no secret.
    expect(res.body).not.toMatch(/BINH|Bình|dv-binh/);
    expect(res.body).not.toContain('hash-HUONG');
    expect(res.body).not.toContain(binh.memberId);

    const pdf = await huong.client.get('/api/v1/me/personal-data?format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
    expect((await clientFor(t.app).get('/api/v1/me/personal-data')).statusCode).toBe(401);
  });

  it('lets an administrator erase a departed member through every feature, keeping anonymous meeting records', async () => {
    await makeAccount(t.ctx, { login: 'qt-privacy', roles: [{ role: 'admin', org: tree.communeA }] });
    await makeAccount(t.ctx, { login: 'qt-other', roles: [{ role: 'admin', org: tree.communeB }] });
    const sec = await makeMember(t.ctx, tree.branchA1);
    await makeAccount(t.ctx, {
      login: 'bt-privacy',
      memberId: sec,
      roles: [{ role: 'secretary', org: tree.branchA1 }],
    });
    const body = { confirmFullName: 'Phạm Thị Thu Hường', reason: 'Chuyển ra nước ngoài định cư' };
    const url = `/api/v1/members/${huong.memberId}/erase`;

    expect((await (await login(t.app, 'bt-privacy', PASSWORD)).post(url, body)).statusCode).toBe(403);
    expect((await (await login(t.app, 'qt-other', PASSWORD)).post(url, body)).statusCode).toBe(403);
    const admin = await login(t.app, 'qt-privacy', PASSWORD);
    expect((await admin.post(url, { ...body, confirmFullName: 'Phạm Thị Thu Huong' })).statusCode).toBe(422);
    const ok = await admin.post(url, body);
    expect(ok.statusCode, ok.body).toBe(204);

    const db = t.ctx.db;
    const row = await db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', huong.memberId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ full_name: ERASED_NAME, birth_date: null, phone: null, card_number: null });
    expect(row.erased_at).not.toBeNull();
    // Rows whose column equals the id, counted with raw SQL: the table and column vary per check.
    const count = async (table: string, col: string, id: string) =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(col)} = ${id}`.execute(db)
        ).rows[0]!.n,
      );
    expect(await count('notebook_notes', 'owner_account_id', huong.accountId)).toBe(0);
    expect(await count('notifications', 'account_id', huong.accountId)).toBe(0);
    expect(await count('calendar_feeds', 'account_id', huong.accountId)).toBe(0);
    expect(await count('sessions', 'account_id', huong.accountId)).toBe(0);
    const petition = await db
      .selectFrom('petitions')
      .select(['title', 'body'])
      .where('sender_account_id', '=', huong.accountId)
      .executeTakeFirstOrThrow();
    expect(petition).toEqual({ title: ERASED_TEXT, body: ERASED_TEXT });
    // Meeting records stay, anonymous.
    const attendance = await db
      .selectFrom('meeting_attendance')
      .select(['mark', 'reason'])
      .where('meeting_id', '=', meetingId)
      .where('member_id', '=', huong.memberId)
      .executeTakeFirstOrThrow();
    expect(attendance).toEqual({ mark: 'present', reason: null });
    const ballots = await db.selectFrom('meeting_ballots').select('member_id').execute();
    expect(ballots.map((b) => b.member_id).sort()).toEqual([huong.memberId, binh.memberId].sort());
    const comments = await db
      .selectFrom('meeting_comments')
      .select(['author_name', 'body'])
      .where('meeting_id', '=', meetingId)
      .orderBy('body')
      .execute();
    expect(comments).toEqual([
      { author_name: 'Trần Văn Bình', body: 'Góp ý BINH' },
      { author_name: ERASED_NAME, body: 'Góp ý HUONG' },
    ]);
    const notes = await db
      .selectFrom('meeting_notes')
      .select(['speaker', 'text'])
      .where('meeting_id', '=', meetingId)
      .orderBy('text')
      .execute();
    expect(notes).toEqual([
      { speaker: 'Trần Văn Bình', text: 'Phát biểu BINH' },
      { speaker: ERASED_NAME, text: 'Phát biểu HUONG' },
    ]);
    // The other member keeps everything.
    expect(await count('notebook_notes', 'owner_account_id', binh.accountId)).toBe(1);
    expect(await count('notifications', 'account_id', binh.accountId)).toBe(1);
    const binhData = JSON.parse((await binh.client.get('/api/v1/me/personal-data')).body) as PersonalData;
    expect(section(binhData, 'petitions').sent).toEqual([
      expect.objectContaining({ title: 'Kiến nghị BINH' }),
    ]);
    // Signed out everywhere and unable to sign in again; the audit record keeps the reason, not the name.
    expect((await huong.client.get('/api/v1/me')).statusCode).toBe(401);
    const again = await clientFor(t.app).post('/api/v1/auth/login', {
      login: 'dv-huong',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(401);
    const audit = await db
      .selectFrom('audit_log')
      .select(['after'])
      .where('entity_id', '=', huong.memberId)
      .where('action', '=', 'member.erase')
      .executeTakeFirstOrThrow();
    expect(String(audit.after)).not.toContain('Hường');
    expect((await admin.post(url, { ...body, confirmFullName: ERASED_NAME })).statusCode).toBe(409);
  });

  it('deletes only what is older than its retention period, and leftovers of members erased long ago', async () => {
    const db = t.ctx.db;
    const session = (id: string, expires: string) =>
      db
        .insertInto('sessions')
        .values({
          id,
          account_id: binh.accountId,
          created_at: ago(800),
          last_seen_at: expires,
          expires_at: expires,
          ip: '203.0.113.9',
          user_agent: 'Thử nghiệm',
        })
        .execute();
    await session(`old-${newId()}`, ago(400));
    await session(`recent-${newId()}`, ago(10));
    const notification = (title: string, at: string) =>
      db
        .insertInto('notifications')
        .values({
          id: newId(),
          account_id: binh.accountId,
          kind: 'news',
          topic: 'news.published',
          event_key: `retention:${title}`,
          title,
          body: '',
          url: null,
          created_at: at,
          read_at: at,
        })
        .execute();
    await notification('Thông báo cũ', ago(200));
    await notification('Thông báo mới', ago(5));
    // The erasure above happened now: pretend it was six years ago (default: leftovers kept five years).
    await db
      .updateTable('privacy_erasures')
      .set({ erased_at: ago(6 * 365) })
      .execute();
    const auditBefore = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq').execute();

    await enqueueJob(db, { kind: RETENTION_JOB });
    expect(await runDueJobs(t.ctx, { kinds: [RETENTION_JOB] })).toBe(1);

    const sessions = await db
      .selectFrom('sessions')
      .select('id')
      .where('account_id', '=', binh.accountId)
      .execute();
    expect(sessions.some((s) => s.id.startsWith('old-'))).toBe(false);
    expect(sessions.some((s) => s.id.startsWith('recent-'))).toBe(true);
    const titles = (
      await db.selectFrom('notifications').select('title').where('account_id', '=', binh.accountId).execute()
    ).map((n) => n.title);
    expect(titles.sort()).toEqual(['Thông báo BINH', 'Thông báo mới']);
    // The erased member's anonymised petition is gone; the other member's stays; meeting records stay.
    const petitions = await db.selectFrom('petitions').select('sender_account_id').execute();
    expect(petitions.map((p) => p.sender_account_id)).toEqual([binh.accountId]);
    const attendance = await db.selectFrom('meeting_attendance').select('member_id').execute();
    expect(attendance).toHaveLength(2);
    const erasure = await db.selectFrom('privacy_erasures').select('purged_at').executeTakeFirstOrThrow();
    expect(erasure.purged_at).not.toBeNull();
    // The audit log only grows: every earlier record is still there, unchanged.
    const auditAfter = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq').execute();
    expect(auditAfter.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(auditAfter.length).toBeGreaterThan(auditBefore.length);
    // The next run is scheduled for the coming night, 02:00 in Vietnam.
    const next = await db
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', RETENTION_JOB)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    const at = new Date(next.run_at);
    expect(at.getTime()).toBeGreaterThan(Date.now());
    expect(at.getTime() - Date.now()).toBeLessThanOrEqual(DAY);
    expect(at.getUTCHours()).toBe(19);
  });

  it('lets only an administrator of the root organisation change the retention periods', async () => {
    await makeAccount(t.ctx, { login: 'qt-root', roles: [{ role: 'admin', org: tree.province }] });
    const root = await login(t.app, 'qt-root', PASSWORD);
    const commune = await login(t.app, 'qt-privacy', PASSWORD);
    const view = await root.get('/api/v1/privacy/retention');
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().settings).toEqual({ sessions: 365, notifications: 180, reads: 365, erased: 1825 });
    expect(view.json().lastRun.deleted).toMatchObject({ sessions: 1, notifications: 1 });
    expect((await commune.get('/api/v1/privacy/retention')).statusCode).toBe(403);
    expect((await binh.client.get('/api/v1/privacy/retention')).statusCode).toBe(403);
    expect((await commune.put('/api/v1/privacy/retention', { sessions: 120 })).statusCode).toBe(403);
    const tooShort = await root.put('/api/v1/privacy/retention', { sessions: 7 });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.code).toBe('VALIDATION_FAILED');
    const saved = await root.put('/api/v1/privacy/retention', { sessions: 120, reads: 90 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().settings).toMatchObject({ sessions: 120, reads: 90, notifications: 180 });
    expect((await root.get('/api/v1/privacy/retention')).json().settings.sessions).toBe(120);
  });
});
