import { describe, expect, it } from 'vitest';
import { computeAttendance } from './attendance.ts';
import type { QualityAnswers, QualityChecklist } from './quality.ts';
import { DEFAULT_QUALITY_CHECKLIST, automaticAnswers, scoreMeeting } from './quality.ts';
import { meetingRules } from './rules.ts';
import { makeMembers } from './test-factories.ts';
import { durationCheck, materialsWarning } from './timing.ts';

const full: QualityAnswers = {
  preparation: 15,
  attendance: 15,
  procedure: true,
  duration: true,
  leadership: 15,
  democracy: 15,
  resolution: 15,
  minutes: true,
};

describe('scoreMeeting', () => {
  it('the default checklist is worth 100 points', () => {
    expect(DEFAULT_QUALITY_CHECKLIST.items.reduce((s, i) => s + i.maxPoints, 0)).toBe(100);
  });

  it('a perfect meeting is rated Tốt', () => {
    expect(scoreMeeting(DEFAULT_QUALITY_CHECKLIST, full)).toMatchObject({
      total: 100,
      max: 100,
      percent: 100,
      rating: 'good',
      ratingLabel: 'Tốt',
      missing: [],
      invalid: [],
    });
  });

  it('rates at the threshold boundaries', () => {
    const score = (democracy: number, leadership: number) =>
      scoreMeeting(DEFAULT_QUALITY_CHECKLIST, { ...full, democracy, leadership });
    expect(score(5, 15)).toMatchObject({ total: 90, rating: 'good' });
    expect(score(4.5, 15)).toMatchObject({ total: 89.5, rating: 'fair', ratingLabel: 'Khá' });
    expect(score(0, 0)).toMatchObject({ total: 70, rating: 'fair' });
    const weak = scoreMeeting(DEFAULT_QUALITY_CHECKLIST, {
      ...full,
      democracy: 0,
      leadership: 0,
      resolution: 0,
    });
    expect(weak).toMatchObject({ total: 55, rating: 'average', ratingLabel: 'Trung bình' });
    const poor = scoreMeeting(DEFAULT_QUALITY_CHECKLIST, {
      ...full,
      democracy: 0,
      leadership: 0,
      resolution: 0,
      procedure: false,
    });
    expect(poor).toMatchObject({ total: 45, rating: 'poor', ratingLabel: 'Kém' });
  });

  it('lists missing and invalid answers and scores them 0', () => {
    const r = scoreMeeting(DEFAULT_QUALITY_CHECKLIST, {
      ...full,
      minutes: undefined,
      attendance: 20,
      procedure: 10,
    });
    expect(r.missing).toEqual(['minutes']);
    expect(r.invalid).toEqual(['attendance', 'procedure']);
    expect(r.total).toBe(70); // 100 − minutes 5 − attendance 15 − procedure 10
  });

  it('takes a configured checklist and thresholds', () => {
    const small: QualityChecklist = {
      items: [
        { id: 'a', label: 'Đúng giờ', maxPoints: 4, kind: 'yes_no' },
        { id: 'b', label: 'Thảo luận', maxPoints: 6, kind: 'points' },
      ],
      thresholds: { good: 80, fair: 60, average: 40 },
    };
    expect(scoreMeeting(small, { a: true, b: 4 })).toMatchObject({
      total: 8,
      max: 10,
      percent: 80,
      rating: 'good',
    });
    expect(() => scoreMeeting({ ...small, thresholds: { good: 50, fair: 60, average: 40 } }, {})).toThrow(
      RangeError,
    );
  });
});

describe('automaticAnswers', () => {
  it('fills attendance, duration and preparation from the record', () => {
    const members = makeMembers(10, 'f');
    const attendance = computeAttendance(
      members,
      members.slice(0, 8).map((m) => ({ memberId: m.id, mark: 'present' as const })),
      meetingRules(),
    );
    const answers = automaticAnswers(DEFAULT_QUALITY_CHECKLIST, {
      attendance,
      duration: durationCheck('2025-11-05T19:30:00+07:00', '2025-11-05T21:10:00+07:00', 'regular'),
      materials: materialsWarning('2025-11-05T08:00:00+07:00', '2025-11-05T19:30:00+07:00'),
    });
    expect(answers).toEqual({ attendance: 12, duration: true, preparation: 0 });
  });
});
