import { describe, expect, it } from 'vitest';
import {
  addDays,
  comparePeriods,
  enclosingPeriods,
  endOfLocalDay,
  localDateOf,
  nextPeriod,
  parsePeriod,
  periodContains,
  periodDates,
  periodEnd,
  periodLabel,
  periodOf,
  periodsBetween,
  periodStart,
  periodsWithin,
  previousPeriod,
  startOfLocalDay,
} from './periods.ts';

describe('period ids', () => {
  it('parses the four types', () => {
    expect(parsePeriod('2026-11')).toEqual({
      ok: true,
      value: { id: '2026-11', type: 'monthly', year: 2026, index: 11 },
    });
    expect(parsePeriod('2026-Q4')).toMatchObject({ ok: true, value: { type: 'quarterly', index: 4 } });
    expect(parsePeriod('2026-H2')).toMatchObject({ ok: true, value: { type: 'half_yearly', index: 2 } });
    expect(parsePeriod('2026')).toMatchObject({ ok: true, value: { type: 'yearly', index: 1 } });
  });

  it.each([
    '2026-13',
    '2026-00',
    '2026-Q5',
    '2026-H3',
    '26-11',
    '2026-1',
    '2026-q4',
    'abc',
    '',
    '2026-11-01',
  ])('rejects %j with REPORT_PERIOD_INVALID', (id) => {
    expect(parsePeriod(id)).toMatchObject({ ok: false, error: { code: 'REPORT_PERIOD_INVALID' } });
  });

  it('gives start and end dates, leap years included', () => {
    expect([periodStart('2026-11'), periodEnd('2026-11')]).toEqual(['2026-11-01', '2026-11-30']);
    expect(periodEnd('2028-02')).toBe('2028-02-29');
    expect(periodEnd('2026-02')).toBe('2026-02-28');
    expect([periodStart('2026-Q4'), periodEnd('2026-Q4')]).toEqual(['2026-10-01', '2026-12-31']);
    expect([periodStart('2026-H1'), periodEnd('2026-H1')]).toEqual(['2026-01-01', '2026-06-30']);
    expect([periodStart('2026'), periodEnd('2026')]).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('labels periods in Vietnamese and English', () => {
    expect(periodLabel('2026-11')).toBe('Tháng 11/2026');
    expect(periodLabel('2026-01')).toBe('Tháng 1/2026');
    expect(periodLabel('2026-Q4')).toBe('Quý IV/2026');
    expect(periodLabel('2026-Q2')).toBe('Quý II/2026');
    expect(periodLabel('2026-H1')).toBe('6 tháng đầu năm 2026');
    expect(periodLabel('2026-H2')).toBe('6 tháng cuối năm 2026');
    expect(periodLabel('2026')).toBe('Năm 2026');
    expect(periodLabel('2026-11', 'en')).toBe('November 2026');
    expect(periodLabel('2026-Q4', 'en')).toBe('Q4 2026');
  });

  it('steps and lists periods across years', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(nextPeriod('2026-Q4')).toBe('2027-Q1');
    expect(previousPeriod('2026-H1')).toBe('2025-H2');
    expect(nextPeriod('2026')).toBe('2027');
    expect(periodsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2026-Q3', '2027-Q1')).toEqual(['2026-Q3', '2026-Q4', '2027-Q1']);
    expect(periodsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(periodsBetween('2026-05', '2026-04')).toEqual([]);
    expect(() => periodsBetween('2026-05', '2026-Q4')).toThrow('không cùng loại');
  });

  it('relates periods of different types', () => {
    expect(periodsWithin('2026-Q4', 'monthly')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodsWithin('2026', 'half_yearly')).toEqual(['2026-H1', '2026-H2']);
    expect(periodsWithin('2026-11', 'yearly')).toEqual([]);
    expect(enclosingPeriods('2026-11')).toEqual(['2026-11', '2026-Q4', '2026-H2', '2026']);
    expect(enclosingPeriods('2026-Q2')).toEqual(['2026-Q2', '2026-H1', '2026']);
    expect(periodContains('2026-H2', '2026-Q3')).toBe(true);
    expect(periodContains('2026-H2', '2026-06')).toBe(false);
    expect(periodContains('2026-06', '2026-06')).toBe(true);
    expect(['2026', '2026-Q1', '2025-12', '2026-01'].sort(comparePeriods)).toEqual([
      '2025-12',
      '2026-01',
      '2026-Q1',
      '2026',
    ]);
  });
});

describe('dates in Vietnam', () => {
  it('judges the period of an instant in Asia/Ho_Chi_Minh time', () => {
    // 30/11/2026 23:30 in Hà Nội is still November there, although it is 16:30 UTC.
    expect(periodOf(new Date('2026-11-30T16:30:00Z'), 'monthly')).toBe('2026-11');
    // 17:30 UTC on 30/11 is 00:30 on 1/12 in Vietnam.
    expect(periodOf(new Date('2026-11-30T17:30:00Z'), 'monthly')).toBe('2026-12');
    expect(periodOf(new Date('2026-12-31T17:00:00Z'), 'yearly')).toBe('2027');
    expect(periodOf('2026-11-15', 'quarterly')).toBe('2026-Q4');
    expect(periodOf('2026-06-30', 'half_yearly')).toBe('2026-H1');
    expect(periodOf('2026-07-01', 'half_yearly')).toBe('2026-H2');
    expect(() => periodOf('2026-02-30', 'monthly')).toThrow('không hợp lệ');
  });

  it('agrees with the time-zone database', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    for (const iso of [
      '2026-01-01T00:00:00Z',
      '2026-06-30T16:59:59Z',
      '2026-06-30T17:00:00Z',
      '2028-02-28T20:00:00Z',
    ]) {
      expect(localDateOf(new Date(iso))).toBe(fmt.format(new Date(iso)));
    }
  });

  it('computes local day boundaries', () => {
    expect(startOfLocalDay('2026-12-05').toISOString()).toBe('2026-12-04T17:00:00.000Z');
    expect(endOfLocalDay('2026-12-05').toISOString()).toBe('2026-12-05T17:00:00.000Z');
    expect(addDays('2026-11-30', 5)).toBe('2026-12-05');
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04');
  });

  it('derives deadline and lock from the rule', () => {
    const d = periodDates('2026-11', { deadlineDays: 5, lockAfterDays: 15 });
    expect(d).toMatchObject({
      start: '2026-11-01',
      end: '2026-11-30',
      deadline: '2026-12-05',
      lockDate: '2026-12-15',
    });
    // On time until the end of 5/12 in Vietnam, i.e. 17:00 UTC that day.
    expect(d.deadlineAt.toISOString()).toBe('2026-12-05T17:00:00.000Z');
    expect(d.lockAt.toISOString()).toBe('2026-12-15T17:00:00.000Z');
    // A lock configured before the deadline would make on-time submission impossible.
    expect(periodDates('2026-Q4', { deadlineDays: 10, lockAfterDays: 3 }).lockDate).toBe('2027-01-10');
    // A deadline of 0 days means by the end of the period's last day.
    expect(periodDates('2026-02', { deadlineDays: 0, lockAfterDays: 0 }).deadline).toBe('2026-02-28');
  });
});
