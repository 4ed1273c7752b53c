// Reporting periods and their calendar, in Vietnam's local time.
//
// Period ids: "2026-11" (month), "2026-Q4" (quarter), "2026-H2" (half year), "2026" (year).
// Dates are local calendar dates "YYYY-MM-DD". Asia/Ho_Chi_Minh has been UTC+07:00 without daylight
// saving since 1975 (IANA tz database), so converting between instants and local dates is a fixed shift.

import { fail, ok, type Result } from './errors.ts';

export type PeriodType = 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
export type PeriodId = string;
/** A local calendar date in Vietnam, "YYYY-MM-DD". */
export type LocalDate = string;

export interface Period {
  id: PeriodId;
  type: PeriodType;
  year: number;
  /** 1-based index within the year: month 1–12, quarter 1–4, half 1–2, year 1. */
  index: number;
}

export const PERIOD_TYPES: readonly PeriodType[] = ['monthly', 'quarterly', 'half_yearly', 'yearly'];
const MONTHS_IN: Record<PeriodType, number> = { monthly: 1, quarterly: 3, half_yearly: 6, yearly: 12 };
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function parsePeriod(id: string): Result<Period> {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(id);
  const year = Number(m?.[1]);
  if (!m || year < 1900 || year > 2999) {
    return fail('REPORT_PERIOD_INVALID', `Kỳ báo cáo “${id}” không hợp lệ.`, { period: id });
  }
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) {
      return fail('REPORT_PERIOD_INVALID', `Kỳ báo cáo “${id}” không hợp lệ.`, { period: id });
    }
    return ok({ id, type: 'monthly', year, index: month });
  }
  if (m[3] !== undefined) return ok({ id, type: 'quarterly', year, index: Number(m[3]) });
  if (m[4] !== undefined) return ok({ id, type: 'half_yearly', year, index: Number(m[4]) });
  return ok({ id, type: 'yearly', year, index: 1 });
}

/** Like parsePeriod, for ids already validated at the boundary; throws RangeError otherwise. */
export function period(id: PeriodId): Period {
  const parsed = parsePeriod(id);
  if (!parsed.ok) throw new RangeError(parsed.error.message);
  return parsed.value;
}

export function periodType(id: PeriodId): PeriodType {
  return period(id).type;
}

export function makePeriodId(type: PeriodType, year: number, index: number): PeriodId {
  switch (type) {
    case 'monthly':
      return `${year}-${pad(index)}`;
    case 'quarterly':
      return `${year}-Q${index}`;
    case 'half_yearly':
      return `${year}-H${index}`;
    case 'yearly':
      return String(year);
  }
}

/** First month (1–12) of a period. */
function firstMonth(p: Period): number {
  return (p.index - 1) * MONTHS_IN[p.type] + 1;
}

// Roll-ups ask for the bounds of the same few period ids millions of times; parse each once. Only valid
// ids reach the cache, and it is cleared if it ever grows large.
const boundsCache = new Map<PeriodId, readonly [LocalDate, LocalDate]>();

function bounds(id: PeriodId): readonly [LocalDate, LocalDate] {
  const cached = boundsCache.get(id);
  if (cached) return cached;
  const p = period(id);
  const first = firstMonth(p);
  const lastMonth = first + MONTHS_IN[p.type] - 1;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  const result = [`${p.year}-${pad(first)}-01`, `${p.year}-${pad(lastMonth)}-${pad(lastDay)}`] as const;
  if (boundsCache.size > 10_000) boundsCache.clear();
  boundsCache.set(id, result);
  return result;
}

export function periodStart(id: PeriodId): LocalDate {
  return bounds(id)[0];
}

export function periodEnd(id: PeriodId): LocalDate {
  return bounds(id)[1];
}

/** The local date in Vietnam of an instant. */
export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

function checkLocalDate(date: LocalDate): Date {
  const d = new Date(`${date}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(d.getTime()) ||
    d.toISOString().slice(0, 10) !== date
  ) {
    throw new RangeError(`Ngày “${date}” không hợp lệ.`);
  }
  return d;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(checkLocalDate(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first instant of the local day `date` (midnight in Vietnam). */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(checkLocalDate(date).getTime() - VIETNAM_OFFSET_MS);
}

/** The first instant after the local day `date` ends (next midnight in Vietnam). */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(checkLocalDate(date).getTime() + DAY_MS - VIETNAM_OFFSET_MS);
}

/** The period of the given type containing a local date or an instant (judged in Vietnam). */
export function periodOf(date: Date | LocalDate, type: PeriodType): PeriodId {
  const local = typeof date === 'string' ? date : localDateOf(date);
  checkLocalDate(local);
  const year = Number(local.slice(0, 4));
  const month = Number(local.slice(5, 7));
  return makePeriodId(type, year, Math.floor((month - 1) / MONTHS_IN[type]) + 1);
}

export function nextPeriod(id: PeriodId, steps = 1): PeriodId {
  const p = period(id);
  const perYear = 12 / MONTHS_IN[p.type];
  const ordinal = p.year * perYear + (p.index - 1) + steps;
  return makePeriodId(p.type, Math.floor(ordinal / perYear), (ordinal % perYear) + 1);
}

export function previousPeriod(id: PeriodId): PeriodId {
  return nextPeriod(id, -1);
}

/** All periods from `from` to `to` inclusive; both must have the same type. Empty when from > to. */
export function periodsBetween(from: PeriodId, to: PeriodId): PeriodId[] {
  const a = period(from);
  const b = period(to);
  if (a.type !== b.type) throw new RangeError(`Hai kỳ “${from}” và “${to}” không cùng loại.`);
  const out: PeriodId[] = [];
  for (let id = from; periodStart(id) <= periodStart(to); id = nextPeriod(id)) out.push(id);
  return out;
}

/** Does `outer` cover `inner` entirely (a period contains itself)? */
export function periodContains(outer: PeriodId, inner: PeriodId): boolean {
  return periodStart(outer) <= periodStart(inner) && periodEnd(inner) <= periodEnd(outer);
}

/** The periods of `type` that make up `outer`, e.g. the three months of a quarter. */
export function periodsWithin(outer: PeriodId, type: PeriodType): PeriodId[] {
  if (MONTHS_IN[type] > MONTHS_IN[periodType(outer)]) return [];
  return periodsBetween(periodOf(periodStart(outer), type), periodOf(periodEnd(outer), type));
}

/** The periods, one per coarser-or-equal type, that contain a period (e.g. month → month, quarter, half, year). */
const enclosingCache = new Map<PeriodId, readonly PeriodId[]>();

export function enclosingPeriods(id: PeriodId): readonly PeriodId[] {
  const cached = enclosingCache.get(id);
  if (cached) return cached;
  const own = periodType(id);
  const result = Object.freeze(
    PERIOD_TYPES.filter((type) => MONTHS_IN[type] >= MONTHS_IN[own]).map((type) =>
      periodOf(periodStart(id), type),
    ),
  );
  if (enclosingCache.size > 10_000) enclosingCache.clear();
  enclosingCache.set(id, result);
  return result;
}

/** Chronological order; for the same start, the shorter period first. */
export function comparePeriods(a: PeriodId, b: PeriodId): number {
  const byStart = periodStart(a).localeCompare(periodStart(b));
  return byStart !== 0 ? byStart : periodEnd(a).localeCompare(periodEnd(b));
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026", "6 tháng cuối năm 2026", "Năm 2026". */
export function periodLabel(id: PeriodId, locale: 'vi' | 'en' = 'vi'): string {
  const p = period(id);
  if (locale === 'en') {
    switch (p.type) {
      case 'monthly':
        return `${EN_MONTHS[p.index - 1]} ${p.year}`;
      case 'quarterly':
        return `Q${p.index} ${p.year}`;
      case 'half_yearly':
        return `${p.index === 1 ? 'First' : 'Second'} half of ${p.year}`;
      case 'yearly':
        return `Year ${p.year}`;
    }
  }
  switch (p.type) {
    case 'monthly':
      return `Tháng ${p.index}/${p.year}`;
    case 'quarterly':
      return `Quý ${ROMAN[p.index - 1]}/${p.year}`;
    case 'half_yearly':
      return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
    case 'yearly':
      return `Năm ${p.year}`;
  }
}

/** When reports for a period are due and when their values lock, in days after the period's last day. */
export interface DeadlineRule {
  /** e.g. 5: the report for November is due by the end of 5 December (Vietnam time). */
  deadlineDays: number;
  /**
   * Days after the period's last day during which values may still change (counted from period end, like
   * the deadline). A lock earlier than the deadline would make on-time submission impossible, so the
   * effective lock is never before the deadline.
   */
  lockAfterDays: number;
}

export interface PeriodDates {
  start: LocalDate;
  end: LocalDate;
  /** Last local day on which a submission is on time. */
  deadline: LocalDate;
  /** Instant at which the deadline passes (midnight after the deadline day, Vietnam time). */
  deadlineAt: Date;
  /** Last local day on which values can still change without an exception. */
  lockDate: LocalDate;
  /** Instant from which values are locked. */
  lockAt: Date;
}

export function periodDates(id: PeriodId, rule: DeadlineRule): PeriodDates {
  const end = periodEnd(id);
  const deadline = addDays(end, rule.deadlineDays);
  const lockDate = addDays(end, Math.max(rule.lockAfterDays, rule.deadlineDays));
  return {
    start: periodStart(id),
    end,
    deadline,
    deadlineAt: endOfLocalDay(deadline),
    lockDate,
    lockAt: endOfLocalDay(lockDate),
  };
}
