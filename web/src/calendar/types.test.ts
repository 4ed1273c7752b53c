import { describe, expect, it } from 'vitest';
import { dayHeading, dayOf, groupByDay, shortTitle, timeOf, type CalendarItem } from './types.ts';

const item = (kind: CalendarItem['kind'], id: string, at: string, title = id): CalendarItem => ({
  kind,
  id,
  title,
  at,
  place: null,
  url: `/${kind}/${id}`,
});

describe('the calendar agenda', () => {
  it('puts a meeting on its day in Vietnam, not in UTC', () => {
    // 01:30 on the 26th in Hà Nội is still the 25th in UTC.
    expect(dayOf('2026-11-25T18:30:00.000Z')).toBe('2026-11-26');
    expect(timeOf('2026-11-25T18:30:00.000Z')).toBe('01:30');
    expect(dayOf('2026-11-26')).toBe('2026-11-26');
    expect(timeOf('2026-11-26')).toBeNull();
  });

  it('groups by day from today, past deadlines first, past meetings left out, within the period', () => {
    const items = [
      item('task', 'late', '2026-11-20'),
      item('meeting', 'held', '2026-11-10T01:00:00.000Z'),
      item('study', 'today', '2026-11-23'),
      item('meeting', 'soon', '2026-11-23T12:00:00.000Z'),
      item('acknowledgement', 'week', '2026-11-29'),
      item('task', 'month', '2026-12-20'),
      item('task', 'later', '2027-03-01'),
    ];
    const ids = (range: 'week' | 'month' | 'all') =>
      groupByDay(items, '2026-11-23', range).map((g) => [g.key, g.items.map((i) => i.id)]);
    expect(ids('week')).toEqual([
      ['overdue', ['late']],
      ['2026-11-23', ['today', 'soon']],
      ['2026-11-29', ['week']],
    ]);
    expect(ids('month').map(([k]) => k)).toEqual(['overdue', '2026-11-23', '2026-11-29', '2026-12-20']);
    expect(ids('all').at(-1)).toEqual(['2027-03-01', ['later']]);
    expect(groupByDay([], '2026-11-23', 'all')).toEqual([]);
  });

  it('names today and tomorrow, writes the weekday out and drops the kind from deadline titles', () => {
    expect(dayHeading('2026-11-23', '2026-11-23', 'vi')).toBe('Hôm nay · Thứ Hai, 23/11/2026');
    expect(dayHeading('2026-11-24', '2026-11-23', 'vi')).toBe('Ngày mai · Thứ Ba, 24/11/2026');
    expect(dayHeading('2026-11-29', '2026-11-23', 'vi')).toBe('Chủ nhật, 29/11/2026');
    expect(dayHeading('overdue', '2026-11-23', 'vi')).toBe('Đã quá hạn');
    expect(shortTitle(item('task', 't', '2026-11-29', 'Hạn nhiệm vụ: Thu đảng phí: quý IV'))).toBe(
      'Thu đảng phí: quý IV',
    );
    expect(shortTitle(item('meeting', 'm', '2026-11-29', 'Họp: chi bộ'))).toBe('Họp: chi bộ');
  });
});
