// What the system already knows, offered as the first value of a report cell. Sources are named in a
// template item's `prefill` ("members.count"); other features register theirs (meetings held, attendance)
// with registerPrefillSource from their own module, so this file never needs to know about them.

import type { DbOrTx } from '../../platform/db/database.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import { periodEnd, periodStart, type PeriodId } from './domain/index.ts';

export interface PrefillContext {
  db: DbOrTx;
  org: { id: string; path: string };
  period: PeriodId;
  /** First and last local day of the period. */
  start: string;
  end: string;
}

export interface PrefillSource {
  /** Vietnamese label shown beside a pre-filled field ("Theo danh sách đảng viên"). */
  label: string;
  /** The number, or null when the source knows nothing for this organisation and period. */
  read(ctx: PrefillContext): Promise<number | null>;
}

const sources = new Map<string, PrefillSource>();

export function registerPrefillSource(name: string, source: PrefillSource): void {
  sources.set(name, source);
}

export function prefillSources(): Array<{ name: string; label: string }> {
  return [...sources.entries()]
    .map(([name, s]) => ({ name, label: s.label }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Values for the named sources; unknown sources and failing ones are skipped (the sender types the value). */
export async function readPrefill(
  db: DbOrTx,
  org: { id: string; path: string },
  period: PeriodId,
  names: readonly string[],
): Promise<Map<string, { value: number; label: string }>> {
  const ctx: PrefillContext = { db, org, period, start: periodStart(period), end: periodEnd(period) };
  const out = new Map<string, { value: number; label: string }>();
  for (const name of new Set(names)) {
    const source = sources.get(name);
    if (!source) continue;
    const value = await source.read(ctx);
    if (value !== null) out.set(name, { value, label: source.label });
  }
  return out;
}

function membersUnder(ctx: PrefillContext) {
  const [lo, hi] = subtreeBounds(ctx.org.path);
  return ctx.db
    .selectFrom('members')
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('erased_at', 'is', null);
}

async function count(q: ReturnType<typeof membersUnder>): Promise<number> {
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

registerPrefillSource('members.count', {
  label: 'Theo danh sách đảng viên',
  read: (ctx) => count(membersUnder(ctx)),
});
registerPrefillSource('members.female', {
  label: 'Theo danh sách đảng viên',
  read: (ctx) => count(membersUnder(ctx).where('gender', '=', 'female')),
});
registerPrefillSource('members.probationary', {
  label: 'Theo danh sách đảng viên',
  read: (ctx) => count(membersUnder(ctx).where('kind', '=', 'probationary')),
});
registerPrefillSource('members.exempt', {
  label: 'Theo danh sách đảng viên',
  read: (ctx) => count(membersUnder(ctx).where('status', '=', 'exempt')),
});
registerPrefillSource('members.admitted_in_period', {
  label: 'Theo ngày vào Đảng trong danh sách',
  read: (ctx) =>
    count(membersUnder(ctx).where('admitted_on', '>=', ctx.start).where('admitted_on', '<=', ctx.end)),
});
