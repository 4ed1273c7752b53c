import type { SupervisionTotalsTable } from './tables.ts';

/** A level row (one organisation's subtree in one month); a period's figures add up one per month. */
export type MonthRow = Omit<SupervisionTotalsTable, 'org_id'>;

export interface Figures {
  branches: number;
  meetingsHeld: number;
  /** Share of branch-months with a regular meeting held. */
  regularRate: number | null;
  themedHeld: number;
  materialsEarlyRate: number | null;
  attendanceRate: number | null;
  openedBeforeRate: number | null;
  commentsPerMember: number | null;
  voteParticipation: number | null;
  avgDurationMinutes: number | null;
  quality: number | null;
  tasksTotal: number;
  tasksOnTime: number;
  tasksLate: number;
  tasksOverdue: number;
  members: number;
  activeMembers: number;
  activeRate: number | null;
  lagging: boolean;
}

const ratio = (a: number, b: number, digits = 3) =>
  b > 0 ? Math.round((a / b) * 10 ** digits) / 10 ** digits : null;

/**
 * The figures of a set of level rows for the months of a period. A branch counts in every month it has a row
 * (each open branch gets one every month, with zeros when it did not meet), so the regular-meeting rate divides
 * by the branch-months of the period: a branch opened in its last month weighs one month, not the whole period.
 * `branches` is the most the period had in one month; membership and app activity come from its latest month.
 */
export function figuresOf(rows: readonly MonthRow[], months: readonly string[]): Figures {
  const sum = (k: keyof MonthRow) => rows.reduce((s, r) => s + Number(r[k]), 0);
  const last = months[months.length - 1];
  const latest = rows.filter((r) => r.month === last);
  const members = latest.reduce((s, r) => s + Number(r.members), 0);
  const active = latest.reduce((s, r) => s + Number(r.active_members), 0);
  const perMonth = new Map<string, number>();
  for (const r of rows) perMonth.set(r.month, (perMonth.get(r.month) ?? 0) + Number(r.branches));
  const branches = Math.max(0, ...perMonth.values());
  const meetingsHeld = sum('meetings_held');
  const regularRate = ratio(sum('regular_held'), sum('branches'));
  const attendanceRate = ratio(sum('attendance_present'), sum('attendance_expected'));
  const tasksOverdue = sum('tasks_overdue');
  return {
    branches,
    meetingsHeld,
    regularRate,
    themedHeld: sum('themed_held'),
    materialsEarlyRate: ratio(sum('materials_early'), meetingsHeld),
    attendanceRate,
    openedBeforeRate: ratio(sum('opened_before'), sum('attendance_expected')),
    commentsPerMember: ratio(sum('comments'), sum('attendance_expected'), 2),
    voteParticipation: ratio(sum('ballots_cast'), sum('ballots_possible')),
    avgDurationMinutes: meetingsHeld > 0 ? Math.round(sum('duration_minutes') / meetingsHeld) : null,
    quality: ratio(sum('quality_sum'), sum('quality_count'), 1),
    tasksTotal: sum('tasks_total'),
    tasksOnTime: sum('tasks_on_time'),
    tasksLate: sum('tasks_late'),
    tasksOverdue,
    members,
    activeMembers: active,
    activeRate: ratio(active, members),
    lagging: (regularRate ?? 0) < 1 || (attendanceRate !== null && attendanceRate < 0.8) || tasksOverdue > 0,
  };
}

/** Shown beside each figure, so a committee knows exactly what is counted. */
export const DEFINITIONS: Record<string, string> = {
  regularRate:
    'Tỷ lệ chi bộ – tháng có sinh hoạt thường kỳ đã diễn ra (cuộc họp đã kết thúc) trên tổng số chi bộ – tháng của kỳ (chi bộ thành lập giữa kỳ được tính từ tháng thành lập).',
  themedHeld: 'Số cuộc sinh hoạt chuyên đề đã diễn ra trong kỳ.',
  materialsEarlyRate: 'Tỷ lệ cuộc họp công bố tài liệu trước giờ họp ít nhất 1 ngày.',
  attendanceRate: 'Số lượt đảng viên có mặt trên số lượt phải dự (không tính người được miễn).',
  openedBeforeRate: 'Số lượt đảng viên mở tài liệu trước khi cuộc họp bắt đầu trên số lượt phải dự.',
  commentsPerMember: 'Số ý kiến góp ý trong cuộc họp (chương trình, dự thảo) bình quân một lượt phải dự.',
  voteParticipation:
    'Số phiếu biểu quyết trên ứng dụng trên số phiếu có thể có (đảng viên có mặt × số lần biểu quyết).',
  avgDurationMinutes: 'Thời lượng bình quân một cuộc họp, từ lúc bắt đầu đến lúc kết thúc (phút).',
  quality: 'Điểm chất lượng bình quân (%) theo bảng tiêu chí; ưu tiên điểm của cấp ủy cấp trên.',
  tasks: 'Nhiệm vụ có hạn trong kỳ: hoàn thành đúng hạn, hoàn thành trễ hạn, đang quá hạn.',
  activeRate: 'Tỷ lệ đảng viên có tài khoản đã dùng ứng dụng trong 30 ngày gần nhất (tháng cuối của kỳ).',
  lagging: 'Chậm: chưa sinh hoạt đủ các tháng, tỷ lệ dự họp dưới 80% hoặc có nhiệm vụ quá hạn.',
};
