import { createHash } from 'node:crypto';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DbOrTx, Tx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import { kindOfTopic, parsePayload, type EventKind, type NotifyPayload } from './events.ts';
import { parsePrefs, planDelivery, defaultPrefs, type Channel } from './prefs.ts';

export const FANOUT_JOB = 'notifications.fanout';
export const DELIVER_JOB = 'notifications.deliver';
/** Recipients handled per fan-out step (one transaction, one job). */
export const FANOUT_BATCH = 5_000;
/** Audiences larger than this are found by walking all accounts rather than sorting the audience each step. */
export const SCAN_THRESHOLD = 20_000;
/** Inbox rows per INSERT statement (2 parameters each, within both databases' limits). */
const INSERT_ROWS = 5_000;
/** Notifications per delivery job. */
export const DELIVER_CHUNK = 250;

export interface FanoutPayload {
  topic: string;
  kind: EventKind;
  event: NotifyPayload;
  eventKey: string;
  /** Cursor: last account id of the previous step (audience), or offset into the explicit lists. */
  after: string | null;
  offset: number;
  /** How recipients are walked, chosen at the first step from the audience's size. */
  mode?: 'join' | 'scan';
}

export interface DeliverPayload {
  channel: Channel;
  ids: string[];
  /** Tries already made for these ids (failures are retried alone, never with the ones already sent). */
  tries?: number;
}

function eventKeyOf(topic: string, payload: Record<string, unknown>, event: NotifyPayload): string {
  const id =
    event.eventId ?? createHash('sha256').update(JSON.stringify(payload)).digest('base64url').slice(0, 22);
  return `${topic}:${id}`;
}

/**
 * Called for each bus event: one job per event, nothing per member. The dedupe key makes the event notify once
 * even when several processes receive it from a shared bus.
 */
export async function enqueueFanout(
  db: DbOrTx,
  topic: string,
  raw: Record<string, unknown>,
): Promise<boolean> {
  const kind = kindOfTopic(topic);
  const event = parsePayload(raw);
  if (!kind || !event) return false;
  if (!event.audience?.length && !event.memberIds?.length && !event.accountIds?.length) return false;
  const eventKey = eventKeyOf(topic, raw, event);
  const payload: FanoutPayload = { topic, kind, event, eventKey, after: null, offset: 0 };
  const id = await enqueueJob(db, {
    kind: FANOUT_JOB,
    payload: payload as unknown as Record<string, unknown>,
    dedupeKey: `notify:${eventKey}`,
  });
  return id !== null;
}

/** The next batch of recipient account ids, and the cursor after it (null when done). */
async function recipients(
  db: DbOrTx,
  p: FanoutPayload,
): Promise<{ ids: string[]; after: string | null; offset: number; done: boolean }> {
  const explicitAccounts = p.event.accountIds ?? [];
  const explicitMembers = p.event.memberIds ?? [];
  if (explicitAccounts.length || explicitMembers.length) {
    // Explicit lists (attendees of a meeting, the author of a petition) are walked by offset.
    const all = [
      ...explicitAccounts.map((id) => ({ t: 'a', id })),
      ...explicitMembers.map((id) => ({ t: 'm', id })),
    ];
    const slice = all.slice(p.offset, p.offset + FANOUT_BATCH);
    const accountIds = slice.filter((x) => x.t === 'a').map((x) => x.id);
    const memberIds = slice.filter((x) => x.t === 'm').map((x) => x.id);
    const rows = slice.length
      ? await db
          .selectFrom('accounts')
          .select('id')
          .where('disabled_at', 'is', null)
          .where((eb) =>
            eb.or([
              ...(accountIds.length ? [eb('id', 'in', accountIds)] : []),
              ...(memberIds.length ? [eb('member_id', 'in', memberIds)] : []),
            ]),
          )
          .execute()
      : [];
    const offset = p.offset + slice.length;
    return { ids: [...new Set(rows.map((r) => r.id))], after: null, offset, done: offset >= all.length };
  }
  const ranges = (p.event.audience ?? []).map(subtreeBounds);
  const inRanges = (eb: ExpressionBuilder<DB, 'members'>) =>
    eb.or(
      ranges.map(([lo, hi]) => eb.and([eb('members.org_path', '>=', lo), eb('members.org_path', '<', hi)])),
    );
  p.mode ??= await chooseMode(db, inRanges);
  if (p.mode === 'scan') {
    // A large audience (a province): walk accounts in id order and keep those whose member is in the audience;
    // every step reads one batch of the primary key, so the whole walk stays linear.
    const rows = await db
      .selectFrom('accounts')
      .select(['id', 'member_id'])
      .where('disabled_at', 'is', null)
      .where('member_id', 'is not', null)
      .$if(p.after !== null, (q) => q.where('id', '>', p.after!))
      .orderBy('id')
      .limit(FANOUT_BATCH)
      .execute();
    const memberIds = rows.map((r) => r.member_id!);
    const inside = new Set<string>();
    for (let i = 0; i < memberIds.length; i += 1000) {
      const found = await db
        .selectFrom('members')
        .select('id')
        .where('id', 'in', memberIds.slice(i, i + 1000))
        .where('erased_at', 'is', null)
        .where(inRanges)
        .execute();
      for (const f of found) inside.add(f.id);
    }
    const ids = rows.filter((r) => inside.has(r.member_id!)).map((r) => r.id);
    return { ids, after: rows.at(-1)?.id ?? p.after, offset: 0, done: rows.length < FANOUT_BATCH };
  }
  // A small audience (a branch, a commune): its members through the org path index, ordered by account id.
  let q = db
    .selectFrom('accounts')
    .innerJoin('members', 'members.id', 'accounts.member_id')
    .select('accounts.id')
    .where('accounts.disabled_at', 'is', null)
    .where('members.erased_at', 'is', null)
    .where(inRanges);
  if (p.after) q = q.where('accounts.id', '>', p.after);
  const rows = await q.orderBy('accounts.id').limit(FANOUT_BATCH).execute();
  const ids = rows.map((r) => r.id);
  return { ids, after: ids.at(-1) ?? null, offset: 0, done: ids.length < FANOUT_BATCH };
}

/** 'join' when the audience has at most SCAN_THRESHOLD members (counted through the path index), else 'scan'. */
async function chooseMode(
  db: DbOrTx,
  inRanges: (eb: ExpressionBuilder<DB, 'members'>) => Expression<SqlBool>,
): Promise<'join' | 'scan'> {
  const sample = await db
    .selectFrom('members')
    .select('id')
    .where(inRanges)
    .limit(SCAN_THRESHOLD + 1)
    .execute();
  return sample.length > SCAN_THRESHOLD ? 'scan' : 'join';
}

/**
 * One fan-out step in one transaction: inbox rows for a batch of recipients, delivery jobs grouped by channel
 * and time (quiet hours), and the job for the next batch. A step that runs twice inserts nothing twice (unique
 * event key per account) and enqueues nothing twice (dedupe keys).
 */
export async function runFanoutStep(ctx: AppContext, p: FanoutPayload, now = new Date()): Promise<number> {
  const batch = await recipients(ctx.db, p);
  await ctx.db.transaction().execute(async (trx) => {
    if (batch.ids.length) await notifyBatch(trx, p, batch.ids, now);
    if (!batch.done) {
      const next: FanoutPayload = { ...p, after: batch.after, offset: batch.offset, mode: p.mode };
      await enqueueJob(trx, {
        kind: FANOUT_JOB,
        payload: next as unknown as Record<string, unknown>,
        dedupeKey: `notify:${p.eventKey}:${batch.after ?? ''}:${batch.offset}`,
      });
    }
  });
  return batch.ids.length;
}

async function notifyBatch(trx: Tx, p: FanoutPayload, accountIds: string[], now: Date): Promise<void> {
  const prefsRows = await trx
    .selectFrom('notification_prefs')
    .select(['account_id', 'data'])
    .where('account_id', 'in', accountIds)
    .execute();
  // Many members keep the same settings: parse each distinct JSON once per batch.
  const parsed = new Map<string, ReturnType<typeof parsePrefs>>();
  const prefsOf = new Map(
    prefsRows.map((r) => {
      let p = parsed.get(r.data);
      if (!p) parsed.set(r.data, (p = parsePrefs(r.data)));
      return [r.account_id, p];
    }),
  );
  const fallback = defaultPrefs();
  const createdAt = nowIso();
  const rows = accountIds.map((accountId) => ({ id: newId(), account_id: accountId }));
  // Every row of a batch has the same event columns: each is bound once per statement and only (id, account)
  // goes per row, so one statement of a few thousand rows stays small to prepare and to bind on both databases.
  // (`column1`, `column2` are the names SQLite and PostgreSQL give to the columns of a VALUES list; `WHERE true`
  // keeps SQLite from reading ON CONFLICT as a join clause.)
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const pairs = rows.slice(i, i + INSERT_ROWS).map((r) => sql`(${r.id}, ${r.account_id})`);
    await sql`INSERT INTO notifications
        (id, account_id, kind, topic, event_key, title, body, url, created_at, read_at)
      SELECT v.column1, v.column2, ${p.kind}, ${p.topic}, ${p.eventKey}, ${p.event.title}, ${p.event.body ?? ''},
        ${p.event.url ?? null}, ${createdAt}, NULL
      FROM (VALUES ${sql.join(pairs)}) AS v
      WHERE true
      ON CONFLICT (event_key, account_id) DO NOTHING`.execute(trx);
  }
  // Group by channel and send time: one delivery job per chunk, never one per member.
  const groups = new Map<string, { channel: Channel; runAt: Date; ids: string[] }>();
  for (const row of rows) {
    for (const plan of planDelivery(prefsOf.get(row.account_id) ?? fallback, p.kind, now)) {
      const key = `${plan.channel}|${plan.runAt.toISOString()}`;
      const g = groups.get(key) ?? { channel: plan.channel, runAt: plan.runAt, ids: [] };
      g.ids.push(row.id);
      groups.set(key, g);
    }
  }
  for (const g of groups.values()) {
    for (let i = 0; i < g.ids.length; i += DELIVER_CHUNK) {
      const ids = g.ids.slice(i, i + DELIVER_CHUNK);
      const payload: DeliverPayload = { channel: g.channel, ids };
      await enqueueJob(trx, {
        kind: DELIVER_JOB,
        payload: payload as unknown as Record<string, unknown>,
        runAt: g.runAt,
        dedupeKey: `deliver:${g.channel}:${ids[0]}`,
      });
    }
  }
}

/** Rows in the inbox for one event (tests, benchmark). */
export async function countForEvent(db: DbOrTx, eventKeyPrefix: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)`.as('n'))
    .where('event_key', 'like', `${eventKeyPrefix}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
