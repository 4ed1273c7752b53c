import { describe, expect, it } from 'vitest';
import { figuresOf, type MonthRow } from './figures.ts';
import { monthsOf, trailingMonths } from './period.ts';

const row = (month: string, over: Partial<MonthRow> = {}): MonthRow => ({
  month,
  branches: 1,
  meetings_held: 1,
  regular_held: 1,
  themed_held: 0,
  materials_early: 1,
  attendance_present: 8,
  attendance_expected: 10,
  opened_before: 5,
  comments: 4,
  ballots_cast: 6,
  ballots_possible: 8,
  duration_minutes: 90,
  quality_sum: 80,
  quality_count: 1,
  members: 10,
  tasks_total: 2,
  tasks_on_time: 1,
  tasks_late: 0,
  tasks_overdue: 0,
  active_members: 7,
  ...over,
});

describe('supervision figures', () => {
  it('sums rows and divides by the right bases', () => {
    const f = figuresOf(
      [row('2026-10'), row('2026-11', { attendance_present: 10, active_members: 5 })],
      ['2026-10', '2026-11'],
    );
    expect(f.regularRate).toBe(1);
    expect(f.attendanceRate).toBe(0.9);
    expect(f.openedBeforeRate).toBe(0.5);
    expect(f.voteParticipation).toBe(0.75);
    expect(f.avgDurationMinutes).toBe(90);
    expect(f.activeRate).toBe(0.5);
    expect(f.lagging).toBe(false);
  });

  it('counts a branch whose month row holds no meeting as not having met, and flags overdue tasks', () => {
    // Two branches in the month (level row of their committee), one regular meeting.
    const f = figuresOf([row('2026-11', { branches: 2, tasks_overdue: 1 })], ['2026-11']);
    expect(f.regularRate).toBe(0.5);
    expect(f.branches).toBe(2);
    expect(f.lagging).toBe(true);
    expect(figuresOf([], ['2026-11']).attendanceRate).toBeNull();
  });

  it('weighs a branch opened mid-period by the months it existed', () => {
    // Q4: one branch all three months, a second one opened in December; both met every month they existed.
    const f = figuresOf(
      [row('2026-10'), row('2026-11'), row('2026-12', { branches: 2, regular_held: 2, meetings_held: 2 })],
      ['2026-10', '2026-11', '2026-12'],
    );
    expect(f.regularRate).toBe(1);
    expect(f.branches).toBe(2);
  });

  it('reads periods', () => {
    expect(monthsOf('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf('2026')).toHaveLength(12);
    expect(monthsOf('2026-13')).toBeNull();
    expect(trailingMonths('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});
