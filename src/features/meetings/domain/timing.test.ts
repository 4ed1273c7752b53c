import { describe, expect, it } from 'vitest';
import { durationCheck, materialsWarning, reminderTimes, wallClock, zonedToUtc } from './timing.ts';

// Regular meeting of a village branch, Wednesday 5/11/2025 at 19:30 Vietnam time.
const START = '2025-11-05T19:30:00+07:00';

describe('materialsWarning', () => {
  it('is quiet when documents were posted two days before, as in seed 001', () => {
    expect(materialsWarning('2025-11-03T19:30:00+07:00', START)).toEqual({
      warning: false,
      leadMinutes: 2880,
      requiredLeadMinutes: 1440,
    });
  });

  it('exactly one day before is enough; a minute later is late', () => {
    expect(materialsWarning('2025-11-04T19:30:00+07:00', START).warning).toBe(false);
    expect(materialsWarning('2025-11-04T19:31:00+07:00', START)).toEqual({
      warning: true,
      code: 'MATERIALS_LATE',
      leadMinutes: 1439,
      requiredLeadMinutes: 1440,
    });
  });

  it('warns when nothing is published, or published after the start', () => {
    expect(materialsWarning(null, START)).toMatchObject({ warning: true, code: 'MATERIALS_NOT_PUBLISHED' });
    expect(materialsWarning('2025-11-05T20:00:00+07:00', START)).toMatchObject({
      code: 'MATERIALS_LATE',
      leadMinutes: -30,
    });
  });

  it('takes a configured lead and refuses an invalid date', () => {
    expect(materialsWarning('2025-11-03T20:00:00+07:00', START, 2 * 24 * 60).warning).toBe(true);
    expect(() => materialsWarning('hôm qua', START)).toThrow(RangeError);
  });
});

describe('durationCheck', () => {
  it('a regular meeting needs 90 minutes', () => {
    expect(durationCheck(START, '2025-11-05T21:00:00+07:00', 'regular')).toEqual({
      minutes: 90,
      required: 90,
      ok: true,
      shortBy: 0,
    });
    expect(durationCheck(START, '2025-11-05T20:45:00+07:00', 'regular')).toMatchObject({
      ok: false,
      shortBy: 15,
    });
  });

  it('a combined regular and themed meeting needs 120 minutes', () => {
    expect(durationCheck(START, '2025-11-05T21:00:00+07:00', 'regular_and_themed')).toMatchObject({
      required: 120,
      ok: false,
      shortBy: 30,
    });
    expect(durationCheck(START, '2025-11-05T21:30:00+07:00', 'regular_and_themed').ok).toBe(true);
  });

  it('takes configured minimums and refuses an end before the start', () => {
    const union = { regular: 60, themed: 60, regular_and_themed: 90 };
    expect(durationCheck(START, '2025-11-05T20:30:00+07:00', 'themed', union).ok).toBe(true);
    expect(() => durationCheck(START, '2025-11-05T19:00:00+07:00', 'regular')).toThrow(RangeError);
  });
});

describe('reminderTimes', () => {
  it('two days before at the meeting time, and at 07:00 on the day (Vietnam time)', () => {
    expect(reminderTimes(START)).toEqual([
      { kind: 'days_before', days: 2, at: new Date('2025-11-03T19:30:00+07:00') },
      { kind: 'same_day', at: new Date('2025-11-05T07:00:00+07:00') },
    ]);
  });

  it('moves the same-day reminder before an early-morning meeting', () => {
    const early = reminderTimes('2025-11-05T07:30:00+07:00');
    expect(early[1]).toEqual({ kind: 'same_day', at: new Date('2025-11-05T06:30:00+07:00') });
  });

  it('follows the local calendar across a month end', () => {
    const r = reminderTimes('2025-12-01T14:00:00+07:00', 'Asia/Ho_Chi_Minh', { daysBefore: [2, 1] });
    expect(r.map((x) => x.at.toISOString())).toEqual([
      '2025-11-29T07:00:00.000Z',
      '2025-11-30T07:00:00.000Z',
      '2025-12-01T00:00:00.000Z',
    ]);
  });

  it('keeps the local clock time across a daylight-saving change (member abroad)', () => {
    // Berlin moves to summer time on 30/3/2025: 19:00 stays 19:00 on the clock.
    const r = reminderTimes('2025-03-31T19:00:00+02:00', 'Europe/Berlin');
    expect(r[0]?.at.toISOString()).toBe('2025-03-29T18:00:00.000Z');
    expect(r[1]?.at.toISOString()).toBe('2025-03-31T05:00:00.000Z');
  });

  it('refuses malformed options', () => {
    expect(() => reminderTimes(START, 'Asia/Ho_Chi_Minh', { sameDayAt: '7h' })).toThrow(RangeError);
    expect(() => reminderTimes(START, 'Asia/Ho_Chi_Minh', { daysBefore: [0] })).toThrow(RangeError);
  });
});

describe('time-zone helpers', () => {
  it('round-trips a Vietnam wall-clock time', () => {
    const instant = new Date('2025-11-05T12:30:00Z');
    const wall = wallClock(instant, 'Asia/Ho_Chi_Minh');
    expect(wall).toEqual({ year: 2025, month: 11, day: 5, hour: 19, minute: 30, second: 0 });
    expect(zonedToUtc(wall, 'Asia/Ho_Chi_Minh')).toEqual(instant);
  });
});
