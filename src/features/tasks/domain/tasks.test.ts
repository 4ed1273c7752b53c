import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TaskRuleError,
  checkDeadline,
  checkNoCycle,
  checkOwner,
  checkProgress,
  reminderDays,
  rollUpProgress,
  summariseTasks,
  taskState,
  type TaskNode,
} from './tasks.ts';

const node = (
  id: string,
  parentId: string | null,
  progress: number,
  weight = 1,
  status: TaskNode['status'] = 'open',
): TaskNode => ({
  id,
  parentId,
  progress,
  weight,
  status,
});

function code(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof TaskRuleError ? e.code : 'other';
  }
}

describe('rollUpProgress', () => {
  it('weights children and ignores the parent’s own value', () => {
    const p = rollUpProgress([node('a', null, 5), node('b', 'a', 100, 1), node('c', 'a', 0, 3)]);
    expect(p.get('a')).toBe(25);
    expect(p.get('b')).toBe(100);
  });

  it('rolls up through several levels', () => {
    const p = rollUpProgress([
      node('root', null, 0),
      node('x', 'root', 0, 1),
      node('y', 'root', 50, 1),
      node('x1', 'x', 100, 1),
      node('x2', 'x', 0, 1),
    ]);
    expect(p.get('x')).toBe(50);
    expect(p.get('root')).toBe(50);
  });

  it('counts a done task as 100 and leaves cancelled children out', () => {
    const p = rollUpProgress([
      node('a', null, 0),
      node('b', 'a', 10, 1, 'done'),
      node('c', 'a', 0, 5, 'cancelled'),
      node('d', 'a', 50, 1),
    ]);
    expect(p.get('a')).toBe(75);
  });

  it('keeps a parent whose children are all cancelled at its own progress', () => {
    expect(rollUpProgress([node('a', null, 40), node('b', 'a', 0, 1, 'cancelled')]).get('a')).toBe(40);
  });

  it('refuses a cycle in stored data instead of looping', () => {
    expect(code(() => rollUpProgress([node('a', 'b', 0), node('b', 'a', 0)]))).toBe('TASK_CYCLE');
  });

  it('always stays within 0–100 and equals the weighted mean of its children', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ p: fc.integer({ min: 0, max: 100 }), w: fc.integer({ min: 1, max: 10 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        (kids) => {
          const nodes = [node('r', null, 0), ...kids.map((k, i) => node(`k${i}`, 'r', k.p, k.w))];
          const got = rollUpProgress(nodes).get('r')!;
          const want = kids.reduce((s, k) => s + k.p * k.w, 0) / kids.reduce((s, k) => s + k.w, 0);
          expect(got).toBeGreaterThanOrEqual(0);
          expect(got).toBeLessThanOrEqual(100);
          expect(Math.abs(got - want)).toBeLessThanOrEqual(0.05 + 1e-9);
        },
      ),
    );
  });
});

describe('input rules', () => {
  it('refuses progress outside 0–100', () => {
    expect(code(() => checkProgress(-1))).toBe('TASK_PROGRESS_RANGE');
    expect(code(() => checkProgress(101))).toBe('TASK_PROGRESS_RANGE');
    expect(code(() => checkProgress(Number.NaN))).toBe('TASK_PROGRESS_RANGE');
    expect(code(() => checkProgress(100))).toBeNull();
  });

  it('refuses a deadline before the task is created, allows the same day', () => {
    expect(code(() => checkDeadline('2026-11-22T10:00:00Z', '2026-11-21'))).toBe(
      'TASK_DEADLINE_BEFORE_START',
    );
    expect(code(() => checkDeadline('2026-11-22T10:00:00Z', '2026-11-22'))).toBeNull();
  });

  it('refuses an owner outside the branch', () => {
    expect(code(() => checkOwner('/p/d/c/b/', '/p/d/c/b2/'))).toBe('TASK_OWNER_OUTSIDE');
    expect(code(() => checkOwner('/p/d/c/b/', '/p/d/c/b/'))).toBeNull();
  });

  it('refuses a parent that would make a cycle', () => {
    const parents: Record<string, string | null> = { a: null, b: 'a', c: 'b' };
    const parentOf = (id: string) => parents[id] ?? null;
    expect(code(() => checkNoCycle('a', 'c', parentOf))).toBe('TASK_CYCLE');
    expect(code(() => checkNoCycle('a', 'a', parentOf))).toBe('TASK_CYCLE');
    expect(code(() => checkNoCycle('c', 'a', parentOf))).toBeNull();
    expect(code(() => checkNoCycle('c', null, parentOf))).toBeNull();
  });
});

describe('taskState', () => {
  const open = { status: 'open' as const, deadline: '2026-11-30', progress: 0, completedOn: null };
  it.each([
    ['2026-11-20', 'not_started'],
    ['2026-11-27', 'due_soon'],
    ['2026-11-30', 'due_soon'],
    ['2026-12-01', 'overdue'],
  ])('on %s an untouched task is %s', (today, state) => {
    expect(taskState(open, today)).toBe(state);
  });

  it('tells done on time from done late, the deadline day counting as on time', () => {
    expect(taskState({ ...open, status: 'done', completedOn: '2026-11-30T22:00:00Z' }, '2026-12-05')).toBe(
      'done_on_time',
    );
    expect(taskState({ ...open, status: 'done', completedOn: '2026-12-01' }, '2026-12-05')).toBe('done_late');
    expect(taskState({ ...open, progress: 30 }, '2026-11-01')).toBe('in_progress');
    expect(taskState({ ...open, status: 'cancelled' }, '2027-01-01')).toBe('cancelled');
  });
});

describe('reminders and summaries', () => {
  it('reminds before, on the day, then weekly while overdue', () => {
    expect(reminderDays('2026-11-30', '2026-12-15')).toEqual([
      '2026-11-27',
      '2026-11-29',
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
    ]);
    expect(reminderDays('2026-11-30', '2026-11-28')).toEqual(['2026-11-27']);
  });

  it('counts states for a review', () => {
    expect(
      summariseTasks(['done_on_time', 'done_late', 'overdue', 'due_soon', 'cancelled', 'not_started']),
    ).toEqual({
      total: 6,
      onTime: 1,
      late: 1,
      overdue: 1,
      open: 2,
    });
  });
});
