import { EVENT_KINDS, type EventKind } from './events.ts';

export const CHANNELS = ['push', 'email', 'zalo'] as const;
export type Channel = (typeof CHANNELS)[number];

export type ChannelSwitches = Record<Channel, boolean>;

export interface NotificationPrefs {
  /** Master switch per channel. The in-app inbox is always on. */
  channels: ChannelSwitches;
  /** Per event kind and channel. */
  events: Record<EventKind, ChannelSwitches>;
  email: string | null;
  zaloUserId: string | null;
  /** Vietnam local time "HH:MM"; start > end spans midnight. null = no quiet hours. */
  quietHours: { start: string; end: string } | null;
  /** One message a day at `hour` (Vietnam time) instead of one per event. */
  digest: { enabled: boolean; hour: number };
}

export function defaultPrefs(): NotificationPrefs {
  const events = {} as Record<EventKind, ChannelSwitches>;
  for (const k of EVENT_KINDS) events[k] = { push: true, email: true, zalo: true };
  return {
    channels: { push: true, email: false, zalo: false },
    events,
    email: null,
    zaloUserId: null,
    quietHours: { start: '21:30', end: '06:00' },
    digest: { enabled: false, hour: 19 },
  };
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Stored JSON merged over the defaults: a preference added later gets its default, bad values are dropped. */
export function parsePrefs(json: string | null | undefined): NotificationPrefs {
  const base = defaultPrefs();
  if (!json) return base;
  let raw: Partial<NotificationPrefs>;
  try {
    raw = JSON.parse(json) as Partial<NotificationPrefs>;
  } catch {
    return base;
  }
  return mergePrefs(base, raw);
}

export function mergePrefs(base: NotificationPrefs, raw: Partial<NotificationPrefs>): NotificationPrefs {
  const out: NotificationPrefs = structuredClone(base);
  const bools = (target: ChannelSwitches, src: unknown) => {
    if (!src || typeof src !== 'object') return;
    for (const c of ['push', 'email', 'zalo'] as const) {
      const v = (src as Record<string, unknown>)[c];
      if (typeof v === 'boolean') target[c] = v;
    }
  };
  bools(out.channels, raw.channels);
  if (raw.events && typeof raw.events === 'object') {
    for (const k of EVENT_KINDS) bools(out.events[k], (raw.events as Record<string, unknown>)[k]);
  }
  if (raw.email === null || typeof raw.email === 'string') out.email = raw.email?.trim() || null;
  if (raw.zaloUserId === null || typeof raw.zaloUserId === 'string')
    out.zaloUserId = raw.zaloUserId?.trim() || null;
  if (raw.quietHours === null) out.quietHours = null;
  else if (raw.quietHours && HHMM.test(raw.quietHours.start) && HHMM.test(raw.quietHours.end)) {
    out.quietHours = { start: raw.quietHours.start, end: raw.quietHours.end };
  }
  if (raw.digest && typeof raw.digest === 'object') {
    if (typeof raw.digest.enabled === 'boolean') out.digest.enabled = raw.digest.enabled;
    if (Number.isInteger(raw.digest.hour) && raw.digest.hour >= 0 && raw.digest.hour <= 23)
      out.digest.hour = raw.digest.hour;
  }
  return out;
}

// Vietnam has one time zone (UTC+7) and no daylight saving time, so local time is a fixed offset.
const VN_OFFSET_MS = 7 * 3600_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export function vnMinuteOfDay(now: Date): number {
  const local = new Date(now.getTime() + VN_OFFSET_MS);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

export function vnHour(now: Date): number {
  return new Date(now.getTime() + VN_OFFSET_MS).getUTCHours();
}

/** True when `now` falls in the quiet window [start, end) (a window may span midnight). */
export function isQuiet(now: Date, quiet: NotificationPrefs['quietHours']): boolean {
  if (!quiet) return false;
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  if (s === e) return false;
  const m = vnMinuteOfDay(now);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** The first moment after `now` when the quiet window ends (now itself when not quiet). */
export function quietEnd(now: Date, quiet: NotificationPrefs['quietHours']): Date {
  if (!quiet || !isQuiet(now, quiet)) return now;
  const m = vnMinuteOfDay(now);
  const e = minutesOf(quiet.end);
  const wait = (e - m + 1440) % 1440;
  const at = new Date(now.getTime() + wait * 60_000);
  at.setUTCSeconds(0, 0);
  return at;
}

export interface DeliveryPlan {
  channel: Channel;
  runAt: Date;
}

/**
 * Which outside channels carry one event to one member, and when. Nothing goes out when the member chose the
 * daily digest (the digest will carry it); quiet hours move a message to the end of the window, never drop it.
 * A channel without an address (no e-mail, no Zalo id) is skipped.
 */
export function planDelivery(prefs: NotificationPrefs, kind: EventKind, now: Date): DeliveryPlan[] {
  if (prefs.digest.enabled) return [];
  const runAt = quietEnd(now, prefs.quietHours);
  const out: DeliveryPlan[] = [];
  for (const channel of CHANNELS) {
    if (!prefs.channels[channel] || !prefs.events[kind][channel]) continue;
    if (channel === 'email' && !prefs.email) continue;
    if (channel === 'zalo' && !prefs.zaloUserId) continue;
    out.push({ channel, runAt });
  }
  return out;
}

/** The digest of a member is due in the hour they chose; `lastDigestAt` stops a second send in the same day. */
export function digestDue(now: Date, prefs: NotificationPrefs, lastDigestAt: string | null): boolean {
  if (!prefs.digest.enabled || vnHour(now) !== prefs.digest.hour) return false;
  if (!lastDigestAt) return true;
  return now.getTime() - new Date(lastDigestAt).getTime() > 20 * 3600_000;
}
