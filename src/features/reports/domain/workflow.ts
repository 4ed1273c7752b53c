// The life of one report: draft → submitted → approved | returned (with comment) → submitted again …
//
// - Values can change only in draft or returned, and only until the lock instant of the period.
// - Approval locks the values. Before the lock instant the reviewer may reopen an approved report (it
//   goes back to "returned" with a comment); after it, only an explicit, time-limited exception reopens.
// - Returning sends a report back for correction and needs a comment; returning after the lock instant
//   also needs an exception, since it would let values change.
// Who may do what (sender vs. reviewing committee) is decided by the permission layer, not here.

import { fail, ok, type Result } from './errors.ts';
import { startOfLocalDay, type LocalDate } from './periods.ts';
import type { SubmissionCheck } from './submission.ts';

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export interface ReportException {
  grantedBy: string;
  reason: string;
  grantedAt: Date;
  /** Values may change until this instant despite the period's lock. */
  until: Date;
}

export type ReportAction =
  | { type: 'edit' }
  | { type: 'submit'; check: SubmissionCheck }
  | { type: 'approve'; comment?: string }
  | { type: 'return'; comment: string }
  | { type: 'reopen'; comment: string }
  | { type: 'grant_exception'; reason: string; until: Date };

export interface ReportEvent {
  action: Exclude<ReportAction['type'], 'edit'>;
  at: Date;
  actor: string;
  comment?: string;
}

export interface ReportState {
  status: ReportStatus;
  /** Timeliness is judged by this instant (see timeliness.ts). */
  firstSubmittedAt: Date | null;
  lastSubmittedAt: Date | null;
  approvedAt: Date | null;
  submissionCount: number;
  returnCount: number;
  exception: ReportException | null;
  history: ReportEvent[];
}

export interface WorkflowContext {
  now: Date;
  actor: string;
  /** First local day of the reporting period: nothing can be entered for a period that has not begun. */
  periodStart: LocalDate;
  /** From this instant values are locked (see periodDates().lockAt). */
  lockAt: Date;
}

export function newReport(): ReportState {
  return {
    status: 'draft',
    firstSubmittedAt: null,
    lastSubmittedAt: null,
    approvedAt: null,
    submissionCount: 0,
    returnCount: 0,
    exception: null,
    history: [],
  };
}

/** Is the period locked for this report at `now` (lock passed and no exception in force)? */
export function isPastLock(state: ReportState, ctx: Pick<WorkflowContext, 'now' | 'lockAt'>): boolean {
  if (ctx.now.getTime() < ctx.lockAt.getTime()) return false;
  return !(state.exception && ctx.now.getTime() < state.exception.until.getTime());
}

/** Can values be changed right now? Returns the refusal when not. */
export function canEdit(state: ReportState, ctx: WorkflowContext): Result<true> {
  if (ctx.now.getTime() < startOfLocalDay(ctx.periodStart).getTime()) {
    return fail('REPORT_PERIOD_NOT_OPEN', 'Kỳ báo cáo chưa bắt đầu nên chưa thể nhập số liệu.');
  }
  if (state.status === 'approved') {
    return fail('REPORT_LOCKED', 'Báo cáo đã được duyệt nên số liệu đã khóa.');
  }
  if (state.status === 'submitted') {
    return fail('REPORT_NOT_EDITABLE', 'Báo cáo đang chờ cấp ủy duyệt, chưa thể sửa.');
  }
  if (isPastLock(state, ctx)) {
    return fail('REPORT_LOCKED', 'Đã quá hạn khóa số liệu của kỳ báo cáo; cần cấp ủy mở khóa ngoại lệ.');
  }
  return ok(true);
}

/** Applies an action; the input state is not modified. */
export function transition(
  state: ReportState,
  action: ReportAction,
  ctx: WorkflowContext,
): Result<ReportState> {
  const event = (comment?: string): ReportEvent => ({
    action: action.type as ReportEvent['action'],
    at: ctx.now,
    actor: ctx.actor,
    ...(comment !== undefined ? { comment } : {}),
  });

  switch (action.type) {
    case 'edit': {
      const allowed = canEdit(state, ctx);
      return allowed.ok ? ok(state) : allowed;
    }

    case 'submit': {
      if (state.status !== 'draft' && state.status !== 'returned') {
        return fail(
          'REPORT_NOT_SUBMITTABLE',
          state.status === 'approved' ? 'Báo cáo đã được duyệt.' : 'Báo cáo đã được gửi và đang chờ duyệt.',
        );
      }
      const allowed = canEdit(state, ctx);
      if (!allowed.ok) return allowed;
      const { check } = action;
      if (!check.complete) {
        return fail('REPORT_INCOMPLETE', `Còn thiếu: ${check.missing.map((m) => m.label).join('; ')}.`, {
          missing: check.missing,
        });
      }
      if (check.errors.length > 0) {
        return fail('REPORT_VALIDATION_FAILED', check.errors.map((e) => e.message).join(' '), {
          violations: check.errors,
        });
      }
      if (check.uncommentedWarnings.length > 0) {
        return fail(
          'REPORT_COMMENT_REQUIRED',
          `Cần giải trình cảnh báo trước khi gửi: ${check.uncommentedWarnings.map((w) => w.message).join(' ')}`,
          { warnings: check.uncommentedWarnings },
        );
      }
      return ok({
        ...state,
        status: 'submitted',
        firstSubmittedAt: state.firstSubmittedAt ?? ctx.now,
        lastSubmittedAt: ctx.now,
        submissionCount: state.submissionCount + 1,
        history: [...state.history, event()],
      });
    }

    case 'approve': {
      if (state.status !== 'submitted') {
        return fail('REPORT_NOT_REVIEWABLE', 'Chỉ duyệt được báo cáo đã gửi và đang chờ duyệt.');
      }
      return ok({
        ...state,
        status: 'approved',
        approvedAt: ctx.now,
        history: [...state.history, event(action.comment?.trim() || undefined)],
      });
    }

    case 'return': {
      if (state.status !== 'submitted') {
        return fail('REPORT_NOT_REVIEWABLE', 'Chỉ trả lại được báo cáo đã gửi và đang chờ duyệt.');
      }
      const comment = action.comment.trim();
      if (comment === '')
        return fail('REPORT_COMMENT_REQUIRED', 'Cần ghi rõ lý do trả lại báo cáo để đơn vị sửa.');
      if (isPastLock(state, ctx)) {
        return fail(
          'REPORT_LOCKED',
          'Đã quá hạn khóa số liệu; cần mở khóa ngoại lệ trước khi trả lại báo cáo.',
        );
      }
      return ok({
        ...state,
        status: 'returned',
        returnCount: state.returnCount + 1,
        history: [...state.history, event(comment)],
      });
    }

    case 'reopen': {
      if (state.status !== 'approved') return fail('REPORT_NOT_REOPENABLE');
      const comment = action.comment.trim();
      if (comment === '') return fail('REPORT_COMMENT_REQUIRED', 'Cần ghi rõ lý do mở lại báo cáo.');
      if (isPastLock(state, ctx)) {
        return fail(
          'REPORT_LOCKED',
          'Đã quá hạn khóa số liệu; chỉ mở lại được khi có quyết định mở khóa ngoại lệ.',
        );
      }
      return ok({
        ...state,
        status: 'returned',
        approvedAt: null,
        returnCount: state.returnCount + 1,
        history: [...state.history, event(comment)],
      });
    }

    case 'grant_exception': {
      const reason = action.reason.trim();
      if (reason === '') return fail('REPORT_COMMENT_REQUIRED', 'Cần ghi rõ lý do mở khóa ngoại lệ.');
      if (action.until.getTime() <= ctx.now.getTime()) {
        return fail('REPORT_EXCEPTION_INVALID', 'Thời hạn mở khóa ngoại lệ phải sau thời điểm hiện tại.');
      }
      return ok({
        ...state,
        exception: { grantedBy: ctx.actor, reason, grantedAt: ctx.now, until: action.until },
        history: [...state.history, event(reason)],
      });
    }
  }
}

/**
 * Do this report's values count in the roll-up? Submitted and approved ones do, so totals move the
 * moment a branch submits (no waiting for approval). A returned report's values are withdrawn from the
 * totals until it is resubmitted, because the committee has just said they are wrong.
 */
export function countsInTotals(status: ReportStatus): boolean {
  return status === 'submitted' || status === 'approved';
}
