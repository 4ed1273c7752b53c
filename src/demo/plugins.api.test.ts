import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../test/support/test-app.ts';
import { generateDataset } from './generate.ts';
import { DATASET_PLUGINS, selectPlugins } from './plugins.ts';
import { MEETING_HISTORY_MONTHS } from '../features/meetings/dataset.ts';

let t: TestApp;
let parts: string[] = [];
let result: Record<string, number>;
beforeAll(async () => {
  t = await createTestApp();
  parts = [];
  result = await generateDataset(t.ctx, {
    members: 600,
    membersPerBranch: 20,
    plugins: selectPlugins('supervision,meetings'),
    onPart: (name) => parts.push(name),
  });
});
afterAll(async () => {
  await t.close();
});

const lastMonth = () => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
};

describe('dataset plugins', () => {
  it('selects parts by name in the order they must run, and refuses unknown names', () => {
    expect(selectPlugins('all').map((p) => p.name)).toEqual(DATASET_PLUGINS.map((p) => p.name));
    expect(selectPlugins('none')).toEqual([]);
    expect(selectPlugins('supervision, meetings').map((p) => p.name)).toEqual(['meetings', 'supervision']);
    expect(() => selectPlugins('meetings,sessions')).toThrow(/sessions/);
    expect(() => selectPlugins('')).toThrow(RangeError);
    expect(parts).toEqual(['meetings', 'supervision']);
  });

  it('gives every branch up to twelve months of meetings with the roll call of all its members', async () => {
    const db = t.ctx.db;
    expect(result.meetings).toBeGreaterThan(30 * 6);
    const perBranch = await db
      .selectFrom('meetings')
      .select((eb) => ['org_id', eb.fn.countAll<number>().as('n')])
      .groupBy('org_id')
      .execute();
    expect(perBranch).toHaveLength(30);
    for (const b of perBranch) expect(Number(b.n)).toBeLessThanOrEqual(MEETING_HISTORY_MONTHS);
    // A held meeting has one attendance row per member of its branch; an upcoming one has none.
    const mismatched = await sql<{ id: string }>`
      select m.id from meetings m
      where (m.status in ('ended', 'minutes_approved'))
        <> ((select count(*) from meeting_attendance a where a.meeting_id = m.id)
            = (select count(*) from members x where x.org_id = m.org_id) and
            (select count(*) from members x where x.org_id = m.org_id) > 0)`.execute(db);
    expect(mismatched.rows).toEqual([]);
    // Held meetings went through the whole programme: every step closed, times inside the meeting.
    const held = await db
      .selectFrom('meetings')
      .select(['state', 'started_at', 'ended_at'])
      .where('status', 'in', ['ended', 'minutes_approved'])
      .limit(20)
      .execute();
    for (const m of held) {
      const state = JSON.parse(m.state) as { steps: Array<{ state: string }> };
      expect(state.steps.every((s) => s.state === 'closed')).toBe(true);
      expect(Date.parse(m.ended_at!)).toBeGreaterThan(Date.parse(m.started_at!));
    }
  });

  it('turns adopted resolutions into tasks linked to their meeting', async () => {
    const db = t.ctx.db;
    expect(result.tasks).toBeGreaterThan(0);
    const orphans = await db
      .selectFrom('tasks')
      .leftJoin('meeting_resolution_tasks as r', 'r.id', 'tasks.resolution_task_id')
      .select('tasks.id')
      .where((eb) => eb.or([eb('r.id', 'is', null), eb('r.meeting_id', '!=', eb.ref('tasks.meeting_id'))]))
      .execute();
    expect(orphans).toEqual([]);
    const bad = await db
      .selectFrom('tasks')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('progress', '<', 0),
          eb('progress', '>', 100),
          eb.and([eb('status', '=', 'done'), eb('completed_on', 'is', null)]),
        ]),
      )
      .execute();
    expect(bad).toEqual([]);
  });

  it('counts the supervision figures from the generated records', async () => {
    const db = t.ctx.db;
    const month = lastMonth();
    const heldRows = await db
      .selectFrom('meetings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['ended', 'minutes_approved'])
      .where('starts_at', '>=', `${month}-01`)
      .where('starts_at', '<', `${month}-32`)
      .executeTakeFirstOrThrow();
    const province = await db
      .selectFrom('orgs')
      .select('id')
      .where('type_code', '=', 'province_committee')
      .executeTakeFirstOrThrow();
    const admin = await login(t.app, 'quantri', t.ctx.config.demoPassword);
    const res = await admin.get(`/api/v1/orgs/${province.id}/supervision?period=${month}`);
    expect(res.statusCode).toBe(200);
    const view = res.json() as { total: { meetingsHeld: number; branches: number; tasksTotal: number } };
    expect(view.total.branches).toBe(30);
    expect(view.total.meetingsHeld).toBe(Number(heldRows.n));
    expect(view.total.meetingsHeld).toBeGreaterThan(0);
  });
});
