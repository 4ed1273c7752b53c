import type { MeetingKind } from './templates.ts';

/**
 * Timing rules from Hướng dẫn 42-HD/BTCTW (28/10/2025) of the Central Organisation Commission on improving
 * branch meetings: meeting documents are posted in the electronic handbook at least one day before the meeting,
 * and a meeting lasts at least 90 minutes (120 minutes when the regular and the themed meeting are combined).
 * All figures are defaults that an organisation type can override.
 */

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export type Instant = Date | string;

function toDate(value: Instant, name: string): Date {
  const d = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`${name} is not a valid time: ${String(value)}`);
  return d;
}

const MINUTE = 60_000;

// ── Materials ────────────────────────────────────────────────────────────────────────────────────────────────

export interface MaterialsCheck {
  warning: boolean;
  code?: 'MATERIALS_NOT_PUBLISHED' | 'MATERIALS_LATE';
  /** Minutes between publication and the meeting start (negative when published after it started). */
  leadMinutes?: number;
  requiredLeadMinutes: number;
}

/** One day = 24 hours before the start, so a meeting at 19:30 needs its documents by 19:30 the day before. */
export const DEFAULT_MATERIALS_LEAD_MINUTES = 24 * 60;

export function materialsWarning(
  publishedAt: Instant | null | undefined,
  meetingStart: Instant,
  requiredLeadMinutes: number = DEFAULT_MATERIALS_LEAD_MINUTES,
): MaterialsCheck {
  const start = toDate(meetingStart, 'meetingStart');
  if (publishedAt === null || publishedAt === undefined) {
    return { warning: true, code: 'MATERIALS_NOT_PUBLISHED', requiredLeadMinutes };
  }
  const leadMinutes = Math.floor((start.getTime() - toDate(publishedAt, 'publishedAt').getTime()) / MINUTE);
  if (leadMinutes < requiredLeadMinutes) {
    return { warning: true, code: 'MATERIALS_LATE', leadMinutes, requiredLeadMinutes };
  }
  return { warning: false, leadMinutes, requiredLeadMinutes };
}

// ── Duration ─────────────────────────────────────────────────────────────────────────────────────────────────

export type DurationMinimums = Record<MeetingKind, number>;

export const DEFAULT_DURATION_MINIMUMS: Readonly<DurationMinimums> = Object.freeze({
  regular: 90,
  themed: 90,
  regular_and_themed: 120,
});

export interface DurationCheck {
  minutes: number;
  required: number;
  ok: boolean;
  /** Minutes missing to reach the minimum; 0 when ok. */
  shortBy: number;
}

export function durationCheck(
  startedAt: Instant,
  endedAt: Instant,
  meetingKind: MeetingKind,
  minimums: DurationMinimums = DEFAULT_DURATION_MINIMUMS,
): DurationCheck {
  const start = toDate(startedAt, 'startedAt');
  const end = toDate(endedAt, 'endedAt');
  if (end.getTime() < start.getTime()) throw new RangeError('endedAt is before startedAt');
  const minutes = Math.floor((end.getTime() - start.getTime()) / MINUTE);
  const required = minimums[meetingKind];
  return { minutes, required, ok: minutes >= required, shortBy: Math.max(0, required - minutes) };
}

// ── Reminders ────────────────────────────────────────────────────────────────────────────────────────────────

export interface ReminderOptions {
  /** Whole days before the meeting, at the meeting's local clock time. Default [2]. */
  daysBefore?: number[];
  /** Local time (HH:mm) of the reminder on the meeting day. Default '07:00'. */
  sameDayAt?: string;
  /** The same-day reminder comes at least this long before the start (for early meetings). Default 60. */
  sameDayMinLeadMinutes?: number;
}

export interface Reminder {
  kind: 'days_before' | 'same_day';
  at: Date;
  /** For 'days_before': how many days before. */
  days?: number;
}

/**
 * When to remind members who have not yet opened the materials: two days before (at the meeting's clock time)
 * and on the morning of the meeting day. Reminders at or after the start are dropped; the caller also drops
 * those already past.
 */
export function reminderTimes(
  meetingStart: Instant,
  timeZone: string = VIETNAM_TIME_ZONE,
  options: ReminderOptions = {},
): Reminder[] {
  const start = toDate(meetingStart, 'meetingStart');
  const daysBefore = options.daysBefore ?? [2];
  const [hh, mm] = parseClock(options.sameDayAt ?? '07:00');
  const minLead = options.sameDayMinLeadMinutes ?? 60;
  const local = wallClock(start, timeZone);

  const reminders: Reminder[] = daysBefore.map((days) => {
    if (!Number.isInteger(days) || days < 1)
      throw new RangeError(`daysBefore must be whole days ≥ 1: ${days}`);
    const at = zonedToUtc({ ...local, day: local.day - days }, timeZone);
    return { kind: 'days_before', at, days };
  });
  const morning = zonedToUtc({ ...local, hour: hh, minute: mm, second: 0 }, timeZone);
  const latest = new Date(start.getTime() - minLead * MINUTE);
  reminders.push({ kind: 'same_day', at: morning < latest ? morning : latest });

  return reminders
    .filter((r) => r.at.getTime() < start.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

function parseClock(value: string): [number, number] {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m) throw new RangeError(`time of day must be HH:mm, got ${value}`);
  return [Number(m[1]), Number(m[2])];
}

// ── Time-zone arithmetic on Intl (the zone database ships with Node) ────────────────────────────────────────

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock reading of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

function offsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const w = wallClock(new Date(whole), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/** The instant at which the clock in `timeZone` reads `wall` (out-of-range days roll over, as in Date.UTC). */
export function zonedToUtc(wall: WallClock, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = offsetMs(guess - offsetMs(guess, timeZone), timeZone);
  return new Date(guess - first);
}
