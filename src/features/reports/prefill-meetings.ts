// Pre-fill from the meeting records (src/features/meetings), registered from outside the reports core. The
// sources answer only when the meeting tables exist and the branch recorded at least one finished meeting in
// the period; otherwise the sender types the number, as before meetings were kept in Sổ tay.

import { sql } from 'kysely';
import { endOfLocalDay, startOfLocalDay } from './domain/index.ts';
import { registerPrefillSource, type PrefillContext } from './prefill.ts';

let tablesPresent: boolean | null = null;

async function hasMeetingTables(ctx: PrefillContext): Promise<boolean> {
  // Catalogue lookups are safe inside a transaction on both databases, unlike a failing query.
  if (tablesPresent === null) {
    const tables = await ctx.db.introspection.getTables();
    const names = new Set(tables.map((t) => t.name));
    tablesPresent = names.has('meetings') && names.has('meeting_attendance');
  }
  return tablesPresent;
}

type Kind = 'regular' | 'themed';

async function finished(ctx: PrefillContext, kind: Kind) {
  if (!(await hasMeetingTables(ctx))) return null;
  const kinds = kind === 'regular' ? ['regular', 'regular_and_themed'] : ['themed', 'regular_and_themed'];
  return ctx.db
    .selectFrom('meetings')
    .select(['id'])
    .where('org_id', '=', ctx.org.id)
    .where('kind', 'in', kinds as never)
    .where('status', 'in', ['ended', 'minutes_approved'])
    .where('starts_at', '>=', startOfLocalDay(ctx.start).toISOString())
    .where('starts_at', '<', endOfLocalDay(ctx.end).toISOString())
    .execute();
}

const LABEL = 'Theo sổ họp chi bộ';

registerPrefillSource('meetings.regular_held', {
  label: LABEL,
  read: async (ctx) => {
    const rows = await finished(ctx, 'regular');
    return rows && rows.length > 0 ? rows.length : null;
  },
});

registerPrefillSource('meetings.themed_held', {
  label: LABEL,
  read: async (ctx) => {
    const rows = await finished(ctx, 'themed');
    return rows && rows.length > 0 ? rows.length : null;
  },
});

/** Members marked present, averaged over the period's regular meetings (the report asks for one meeting's worth). */
async function averageMarked(ctx: PrefillContext, marks: string[]): Promise<number | null> {
  const rows = await finished(ctx, 'regular');
  if (!rows || rows.length === 0) return null;
  const counted = await ctx.db
    .selectFrom('meeting_attendance')
    .select(sql<number>`count(*)`.as('n'))
    .where(
      'meeting_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('mark', 'in', marks as never)
    .executeTakeFirst();
  return Math.round(Number(counted?.n ?? 0) / rows.length);
}

registerPrefillSource('meetings.present', {
  label: 'Theo điểm danh các buổi sinh hoạt',
  read: (ctx) => averageMarked(ctx, ['present']),
});

registerPrefillSource('meetings.absent_with_reason', {
  label: 'Theo điểm danh các buổi sinh hoạt',
  read: (ctx) => averageMarked(ctx, ['absent_with_reason']),
});
