import { describe, expect, it } from 'vitest';
import { defaultPrefs, digestDue, isQuiet, parsePrefs, planDelivery, quietEnd } from './prefs.ts';

// Vietnam time = UTC+7: 22:00 in Hà Nội is 15:00 UTC.
const vn = (hhmm: string, day = '2026-11-23') => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(Date.UTC(2026, 10, Number(day.slice(8)), h! - 7, m!));
};

describe('quiet hours', () => {
  const quiet = { start: '21:30', end: '06:00' };
  it('span midnight in Vietnam time', () => {
    expect(isQuiet(vn('21:29'), quiet)).toBe(false);
    expect(isQuiet(vn('21:30'), quiet)).toBe(true);
    expect(isQuiet(vn('23:59'), quiet)).toBe(true);
    expect(isQuiet(vn('03:00'), quiet)).toBe(true);
    expect(isQuiet(vn('06:00'), quiet)).toBe(false);
    expect(isQuiet(vn('12:00'), quiet)).toBe(false);
  });
  it('within one day', () => {
    const noon = { start: '11:30', end: '13:30' };
    expect(isQuiet(vn('12:00'), noon)).toBe(true);
    expect(isQuiet(vn('13:30'), noon)).toBe(false);
    expect(isQuiet(vn('11:00'), noon)).toBe(false);
  });
  it('move a message to the end of the window, across midnight', () => {
    expect(quietEnd(vn('22:15'), quiet).toISOString()).toBe(vn('06:00', '2026-11-24').toISOString());
    expect(quietEnd(vn('02:00'), quiet).toISOString()).toBe(vn('06:00').toISOString());
    expect(quietEnd(vn('10:00'), quiet).toISOString()).toBe(vn('10:00').toISOString());
    expect(quietEnd(vn('22:15'), null).toISOString()).toBe(vn('22:15').toISOString());
  });
});

describe('delivery plan', () => {
  it('sends push by default, e-mail and Zalo only with an address and the channel on', () => {
    const p = defaultPrefs();
    expect(planDelivery(p, 'content', vn('10:00')).map((d) => d.channel)).toEqual(['push']);
    p.channels.email = true;
    expect(planDelivery(p, 'content', vn('10:00')).map((d) => d.channel)).toEqual(['push']);
    p.email = 'a@example.vn';
    p.channels.zalo = true;
    p.zaloUserId = '123';
    expect(planDelivery(p, 'content', vn('10:00')).map((d) => d.channel)).toEqual(['push', 'email', 'zalo']);
  });
  it('honours per-event switches', () => {
    const p = parsePrefs(JSON.stringify({ events: { meeting: { push: false } } }));
    expect(planDelivery(p, 'meeting', vn('10:00'))).toEqual([]);
    expect(planDelivery(p, 'task', vn('10:00'))).toHaveLength(1);
  });
  it('holds messages during quiet hours', () => {
    const [plan] = planDelivery(defaultPrefs(), 'task', vn('23:00'));
    expect(plan!.runAt.toISOString()).toBe(vn('06:00', '2026-11-24').toISOString());
  });
  it('sends nothing instantly when the daily digest is chosen', () => {
    const p = parsePrefs(JSON.stringify({ digest: { enabled: true, hour: 19 } }));
    expect(planDelivery(p, 'content', vn('10:00'))).toEqual([]);
  });
});

describe('daily digest', () => {
  const p = parsePrefs(JSON.stringify({ digest: { enabled: true, hour: 19 } }));
  it('is due once in the chosen Vietnam hour', () => {
    expect(digestDue(vn('19:05'), p, null)).toBe(true);
    expect(digestDue(vn('18:59'), p, null)).toBe(false);
    expect(digestDue(vn('19:40'), p, vn('19:05').toISOString())).toBe(false);
    expect(digestDue(vn('19:05', '2026-11-24'), p, vn('19:05').toISOString())).toBe(true);
    expect(digestDue(vn('19:05'), defaultPrefs(), null)).toBe(false);
  });
});

describe('stored preferences', () => {
  it('fall back to defaults for missing or invalid values', () => {
    const p = parsePrefs(
      JSON.stringify({ quietHours: { start: '25:00', end: '06:00' }, digest: { hour: 99 } }),
    );
    expect(p.quietHours).toEqual({ start: '21:30', end: '06:00' });
    expect(p.digest.hour).toBe(19);
    expect(parsePrefs('not json')).toEqual(defaultPrefs());
    expect(parsePrefs(JSON.stringify({ quietHours: null })).quietHours).toBeNull();
  });
});
