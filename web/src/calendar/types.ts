import { t, type MessageKey } from '../i18n/i18n.ts';

export type CalendarKind = 'meeting' | 'task' | 'study' | 'acknowledgement';

export interface CalendarItem {
  kind: CalendarKind;
  id: string;
  title: string;
  /** ISO instant for meetings, YYYY-MM-DD for deadlines. */
  at: string;
  place: string | null;
  url: string;
}

export interface MyCalendar {
  items: CalendarItem[];
  hasFeed: boolean;
  feedCreatedAt: string | null;
}

export type Range = 'week' | 'month' | 'all';
export const RANGES: readonly Range[] = ['week', 'month', 'all'];
const RANGE_DAYS: Record<Range, number> = { week: 7, month: 30, all: Infinity };

const VN = 'Asia/Ho_Chi_Minh';

/** The calendar day (YYYY-MM-DD) of an item in Vietnam, where branches meet. */
export function dayOf(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: VN,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(at));
}

export function timeOf(at: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return null;
  return new Intl.DateTimeFormat('vi-VN', {
    timeZone: VN,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export interface DayGroup {
  /** YYYY-MM-DD, or 'overdue' for deadlines already past. */
  key: string;
  items: CalendarItem[];
}

/**
 * The agenda: deadlines already past (still to do) first, then one group per day from today to the end of the
 * range. Meetings already held are left out: they are in the meetings screen.
 */
export function groupByDay(items: readonly CalendarItem[], today: string, range: Range): DayGroup[] {
  const last = RANGE_DAYS[range] === Infinity ? '9999-12-31' : addDays(today, RANGE_DAYS[range] - 1);
  const overdue: CalendarItem[] = [];
  const days = new Map<string, CalendarItem[]>();
  for (const item of items) {
    const day = dayOf(item.at);
    if (day < today) {
      if (item.kind !== 'meeting') overdue.push(item);
      continue;
    }
    if (day > last) continue;
    days.set(day, [...(days.get(day) ?? []), item]);
  }
  const groups = [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => ({ key, items: list.sort((a, b) => a.at.localeCompare(b.at)) }));
  return overdue.length > 0 ? [{ key: 'overdue', items: overdue }, ...groups] : groups;
}

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Hôm nay · Thứ Hai, 23/11/2026" — the weekday written out, as people say it. */
export function dayHeading(key: string, today: string, lang: 'vi' | 'en'): string {
  if (key === 'overdue') return t('calendar.overdue');
  const date = new Date(`${key}T00:00:00Z`);
  const weekday = (lang === 'vi' ? WEEKDAYS_VI : WEEKDAYS_EN)[date.getUTCDay()]!;
  const dmy = `${key.slice(8, 10)}/${key.slice(5, 7)}/${key.slice(0, 4)}`;
  const label = `${weekday}, ${dmy}`;
  if (key === today) return `${t('calendar.today')} · ${label}`;
  if (key === addDays(today, 1)) return `${t('calendar.tomorrow')} · ${label}`;
  return label;
}

export function kindLabel(kind: CalendarKind): string {
  return t(`calendar.kind.${kind}` as MessageKey);
}

/** The server writes "Hạn nhiệm vụ: …" for phone calendars; the screen shows the kind as a badge instead. */
export function shortTitle(item: CalendarItem): string {
  if (item.kind === 'meeting') return item.title;
  const colon = item.title.indexOf(': ');
  return colon > 0 ? item.title.slice(colon + 2) : item.title;
}

export function todayInVietnam(now = new Date()): string {
  return dayOf(now.toISOString());
}
