// Was a report on time?
//
// Judged by the FIRST submission. A branch that submitted before the deadline and was then returned for
// correction was on time: the return is the committee's request, and punishing the sender for the
// review cycle would discourage returning reports at all. Gaming this with an early empty submission
// is not possible, because submission requires every required value and no broken error rule; how often
// a report was returned is shown separately (ReportState.returnCount).

export type Timeliness = 'on_time' | 'late' | 'missing' | 'not_due';

export function timeliness(firstSubmittedAt: Date | null, deadlineAt: Date, now: Date): Timeliness {
  if (firstSubmittedAt) return firstSubmittedAt.getTime() < deadlineAt.getTime() ? 'on_time' : 'late';
  return now.getTime() >= deadlineAt.getTime() ? 'missing' : 'not_due';
}

export const TIMELINESS_LABELS: Record<Timeliness, { vi: string; en: string }> = {
  on_time: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Muộn', en: 'Late' },
  missing: { vi: 'Chưa nộp (quá hạn)', en: 'Missing' },
  not_due: { vi: 'Chưa đến hạn', en: 'Not yet due' },
};
