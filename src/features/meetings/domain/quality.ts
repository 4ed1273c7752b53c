import type { Attendance } from './attendance.ts';
import type { DurationCheck, MaterialsCheck } from './timing.ts';

/**
 * Meeting-quality scoring (đánh giá chất lượng buổi sinh hoạt chi bộ). The chair and the upper committee score
 * a meeting by a checklist; items, points and rating thresholds are data so each organisation sets its own.
 * The defaults follow the criteria of Hướng dẫn 12-HD/BTCTW (6/7/2018) and 42-HD/BTCTW (28/10/2025):
 * preparation, attendance, procedure, time, content, democracy in discussion, resolution, minutes.
 */

export interface ChecklistItem {
  id: string;
  label: string;
  maxPoints: number;
  /** 'yes_no' gives all or nothing; 'points' takes 0…maxPoints. */
  kind: 'yes_no' | 'points';
}

export type Rating = 'good' | 'fair' | 'average' | 'poor';

export const RATING_LABELS: Readonly<Record<Rating, string>> = Object.freeze({
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  poor: 'Kém',
});

/** Lowest percentage of the maximum for each rating; below `average` is `poor`. */
export interface RatingThresholds {
  good: number;
  fair: number;
  average: number;
}

export interface QualityChecklist {
  items: ChecklistItem[];
  thresholds: RatingThresholds;
}

export const DEFAULT_QUALITY_CHECKLIST: QualityChecklist = {
  items: [
    {
      id: 'preparation',
      label: 'Chuẩn bị nội dung, tài liệu và đăng tải trước ít nhất 01 ngày',
      maxPoints: 15,
      kind: 'points',
    },
    { id: 'attendance', label: 'Tỷ lệ đảng viên dự sinh hoạt', maxPoints: 15, kind: 'points' },
    { id: 'procedure', label: 'Thực hiện đúng trình tự, nghi thức sinh hoạt', maxPoints: 10, kind: 'yes_no' },
    { id: 'duration', label: 'Bảo đảm thời gian sinh hoạt theo quy định', maxPoints: 10, kind: 'yes_no' },
    {
      id: 'leadership',
      label: 'Nội dung thể hiện tính lãnh đạo, bám sát nhiệm vụ chính trị của chi bộ',
      maxPoints: 15,
      kind: 'points',
    },
    {
      id: 'democracy',
      label: 'Đảng viên tích cực thảo luận; phát huy dân chủ, tự phê bình và phê bình',
      maxPoints: 15,
      kind: 'points',
    },
    {
      id: 'resolution',
      label: 'Nghị quyết ngắn gọn, khả thi; phân công rõ người, rõ việc, rõ thời hạn',
      maxPoints: 15,
      kind: 'points',
    },
    {
      id: 'minutes',
      label: 'Biên bản ghi đầy đủ và được thông qua tại buổi sinh hoạt',
      maxPoints: 5,
      kind: 'yes_no',
    },
  ],
  thresholds: { good: 90, fair: 70, average: 50 },
};

export type QualityAnswers = Record<string, number | boolean | undefined>;

export interface ItemScore {
  id: string;
  score: number;
  maxPoints: number;
}

export interface QualityScore {
  total: number;
  max: number;
  /** total / max × 100, rounded to one decimal. */
  percent: number;
  rating: Rating;
  ratingLabel: string;
  items: ItemScore[];
  /** Items without an answer (scored 0): the score is provisional while this is not empty. */
  missing: string[];
  /** Answers of the wrong type or out of range (scored 0). */
  invalid: string[];
}

export function scoreMeeting(checklist: QualityChecklist, answers: QualityAnswers): QualityScore {
  const t = checklist.thresholds;
  if (!(t.good >= t.fair && t.fair >= t.average && t.average >= 0 && t.good <= 100)) {
    throw new RangeError('thresholds must satisfy 100 ≥ good ≥ fair ≥ average ≥ 0');
  }
  const missing: string[] = [];
  const invalid: string[] = [];
  const items = checklist.items.map((item): ItemScore => {
    const answer = answers[item.id];
    let score = 0;
    if (answer === undefined) missing.push(item.id);
    else if (item.kind === 'yes_no' && typeof answer === 'boolean') score = answer ? item.maxPoints : 0;
    else if (
      item.kind === 'points' &&
      typeof answer === 'number' &&
      answer >= 0 &&
      answer <= item.maxPoints
    ) {
      score = answer;
    } else invalid.push(item.id);
    return { id: item.id, score, maxPoints: item.maxPoints };
  });
  const total = items.reduce((sum, i) => sum + i.score, 0);
  const max = items.reduce((sum, i) => sum + i.maxPoints, 0);
  const percent = max === 0 ? 0 : Math.round((total / max) * 1000) / 10;
  const rating: Rating =
    percent >= t.good ? 'good' : percent >= t.fair ? 'fair' : percent >= t.average ? 'average' : 'poor';
  return { total, max, percent, rating, ratingLabel: RATING_LABELS[rating], items, missing, invalid };
}

/**
 * Answers the app can fill from the meeting record (the chair still reviews them): attendance in proportion
 * to members present, time kept, materials posted on time. Only items present in the checklist are filled.
 */
export function automaticAnswers(
  checklist: QualityChecklist,
  facts: { attendance?: Attendance; duration?: DurationCheck; materials?: MaterialsCheck },
): QualityAnswers {
  const answers: QualityAnswers = {};
  const item = (id: string) => checklist.items.find((i) => i.id === id);
  const attendance = item('attendance');
  if (attendance && facts.attendance && facts.attendance.base > 0) {
    const share = facts.attendance.present / facts.attendance.base;
    answers.attendance = answerFor(attendance, share);
  }
  const duration = item('duration');
  if (duration && facts.duration) answers.duration = answerFor(duration, facts.duration.ok ? 1 : 0);
  const preparation = item('preparation');
  if (preparation && facts.materials)
    answers.preparation = answerFor(preparation, facts.materials.warning ? 0 : 1);
  return answers;
}

function answerFor(item: ChecklistItem, share: number): number | boolean {
  if (item.kind === 'yes_no') return share >= 1;
  return Math.round(item.maxPoints * Math.min(1, Math.max(0, share)) * 10) / 10;
}
