import { describe, expect, it } from 'vitest';
import type { ReportErrorCode, Result } from './errors.ts';
import { periodDates } from './periods.ts';
import type { SubmissionCheck } from './submission.ts';
import {
  countsInTotals,
  newReport,
  transition,
  type ReportAction,
  type ReportState,
  type WorkflowContext,
} from './workflow.ts';

const dates = periodDates('2026-11', { deadlineDays: 5, lockAfterDays: 15 });
const at = (iso: string, actor = 'bi_thu_tande5'): WorkflowContext => ({
  now: new Date(iso),
  actor,
  periodStart: dates.start,
  lockAt: dates.lockAt,
});

const clean: SubmissionCheck = {
  ok: true,
  complete: true,
  missing: [],
  errors: [],
  warnings: [],
  uncommentedWarnings: [],
};

function step(state: ReportState, action: ReportAction, ctx: WorkflowContext): ReportState {
  const r = transition(state, action, ctx);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function refused(r: Result<unknown>, code: ReportErrorCode): void {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.error.code).toBe(code);
    expect(r.error.message.length).toBeGreaterThan(0);
  }
}

describe('report workflow', () => {
  it('draft → submitted → approved, and approval locks values', () => {
    let s = newReport();
    s = step(s, { type: 'edit' }, at('2026-11-25T02:00:00Z'));
    s = step(s, { type: 'submit', check: clean }, at('2026-11-28T02:00:00Z'));
    expect(s).toMatchObject({ status: 'submitted', submissionCount: 1 });
    expect(s.firstSubmittedAt?.toISOString()).toBe('2026-11-28T02:00:00.000Z');
    s = step(s, { type: 'approve' }, at('2026-12-01T02:00:00Z', 'van_phong_dang_uy'));
    expect(s.status).toBe('approved');
    expect(s.approvedAt?.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    refused(transition(s, { type: 'edit' }, at('2026-12-02T02:00:00Z')), 'REPORT_LOCKED');
    refused(
      transition(s, { type: 'submit', check: clean }, at('2026-12-02T02:00:00Z')),
      'REPORT_NOT_SUBMITTABLE',
    );
    refused(transition(s, { type: 'approve' }, at('2026-12-02T02:00:00Z')), 'REPORT_NOT_REVIEWABLE');
    expect(s.history.map((e) => [e.action, e.actor])).toEqual([
      ['submit', 'bi_thu_tande5'],
      ['approve', 'van_phong_dang_uy'],
    ]);
  });

  it('return with comment → correct → resubmit keeps the first submission date', () => {
    let s = step(newReport(), { type: 'submit', check: clean }, at('2026-12-04T02:00:00Z'));
    refused(
      transition(s, { type: 'return', comment: '  ' }, at('2026-12-05T02:00:00Z')),
      'REPORT_COMMENT_REQUIRED',
    );
    refused(transition(s, { type: 'edit' }, at('2026-12-05T02:00:00Z')), 'REPORT_NOT_EDITABLE');
    s = step(
      s,
      { type: 'return', comment: 'Số đảng viên miễn sinh hoạt chưa khớp danh sách.' },
      at('2026-12-05T02:00:00Z', 'dang_uy'),
    );
    expect(s).toMatchObject({ status: 'returned', returnCount: 1 });
    expect(s.history.at(-1)).toMatchObject({
      action: 'return',
      comment: 'Số đảng viên miễn sinh hoạt chưa khớp danh sách.',
    });
    s = step(s, { type: 'edit' }, at('2026-12-08T02:00:00Z'));
    s = step(s, { type: 'submit', check: clean }, at('2026-12-08T02:00:00Z'));
    expect(s.status).toBe('submitted');
    expect(s.submissionCount).toBe(2);
    expect(s.firstSubmittedAt?.toISOString()).toBe('2026-12-04T02:00:00.000Z');
    expect(s.lastSubmittedAt?.toISOString()).toBe('2026-12-08T02:00:00.000Z');
  });

  it('refuses submission of incomplete or invalid content with specific codes', () => {
    const s = newReport();
    const ctx = at('2026-11-28T02:00:00Z');
    refused(
      transition(
        s,
        {
          type: 'submit',
          check: {
            ...clean,
            ok: false,
            complete: false,
            missing: [{ section: 'I', kind: 'indicator', key: 'DV_TONG', label: 'Tổng số đảng viên' }],
          },
        },
        ctx,
      ),
      'REPORT_INCOMPLETE',
    );
    const violation = {
      rule: 'R1',
      severity: 'error' as const,
      message: 'Lỗi: quy tắc «R1» không được thỏa mãn.',
      values: {},
    };
    refused(
      transition(s, { type: 'submit', check: { ...clean, ok: false, errors: [violation] } }, ctx),
      'REPORT_VALIDATION_FAILED',
    );
    const warning = { ...violation, severity: 'warning' as const };
    refused(
      transition(
        s,
        {
          type: 'submit',
          check: { ...clean, ok: false, warnings: [warning], uncommentedWarnings: [warning] },
        },
        ctx,
      ),
      'REPORT_COMMENT_REQUIRED',
    );
    const incomplete = transition(
      s,
      {
        type: 'submit',
        check: {
          ...clean,
          complete: false,
          missing: [{ section: 'I', kind: 'indicator', key: 'DV_TONG', label: 'Tổng số đảng viên' }],
        },
      },
      ctx,
    );
    if (!incomplete.ok) expect(incomplete.error.message).toBe('Còn thiếu: Tổng số đảng viên.');
  });

  it('cannot submit twice, nor review a draft', () => {
    const s = step(newReport(), { type: 'submit', check: clean }, at('2026-11-28T02:00:00Z'));
    refused(
      transition(s, { type: 'submit', check: clean }, at('2026-11-28T03:00:00Z')),
      'REPORT_NOT_SUBMITTABLE',
    );
    refused(
      transition(newReport(), { type: 'approve' }, at('2026-11-28T03:00:00Z')),
      'REPORT_NOT_REVIEWABLE',
    );
    refused(
      transition(newReport(), { type: 'return', comment: 'x' }, at('2026-11-28T03:00:00Z')),
      'REPORT_NOT_REVIEWABLE',
    );
    refused(
      transition(newReport(), { type: 'reopen', comment: 'x' }, at('2026-11-28T03:00:00Z')),
      'REPORT_NOT_REOPENABLE',
    );
  });

  it('nothing can be entered before the period starts (Vietnam time)', () => {
    // 31/10 23:30 in Hà Nội is 16:30 UTC: still October there.
    refused(transition(newReport(), { type: 'edit' }, at('2026-10-31T16:30:00Z')), 'REPORT_PERIOD_NOT_OPEN');
    expect(transition(newReport(), { type: 'edit' }, at('2026-10-31T17:00:00Z')).ok).toBe(true);
  });

  it('after the lock date only an explicit exception reopens', () => {
    let s = step(newReport(), { type: 'submit', check: clean }, at('2026-12-03T02:00:00Z'));
    s = step(s, { type: 'approve' }, at('2026-12-04T02:00:00Z', 'dang_uy'));
    // Before the lock the committee can reopen an approved report (it goes back for correction).
    const early = step(
      s,
      { type: 'reopen', comment: 'Cần bổ sung biên bản.' },
      at('2026-12-10T02:00:00Z', 'dang_uy'),
    );
    expect(early).toMatchObject({ status: 'returned', approvedAt: null, returnCount: 1 });

    // The lock instant is the end of 15/12 in Vietnam (17:00 UTC).
    const afterLock = at('2026-12-15T17:00:00Z', 'dang_uy');
    refused(transition(s, { type: 'reopen', comment: 'Sửa số liệu.' }, afterLock), 'REPORT_LOCKED');
    refused(transition(early, { type: 'edit' }, at('2026-12-16T02:00:00Z')), 'REPORT_LOCKED');
    refused(transition(early, { type: 'submit', check: clean }, at('2026-12-16T02:00:00Z')), 'REPORT_LOCKED');
    expect(transition(early, { type: 'edit' }, at('2026-12-15T16:59:59Z')).ok).toBe(true);

    refused(
      transition(
        s,
        { type: 'grant_exception', reason: ' ', until: new Date('2026-12-20T17:00:00Z') },
        afterLock,
      ),
      'REPORT_COMMENT_REQUIRED',
    );
    refused(
      transition(
        s,
        { type: 'grant_exception', reason: 'Rà soát', until: new Date('2026-12-15T17:00:00Z') },
        afterLock,
      ),
      'REPORT_EXCEPTION_INVALID',
    );
    let x = step(
      s,
      {
        type: 'grant_exception',
        reason: 'Rà soát theo Kết luận kiểm tra.',
        until: new Date('2026-12-20T17:00:00Z'),
      },
      afterLock,
    );
    expect(x.exception).toMatchObject({ grantedBy: 'dang_uy', reason: 'Rà soát theo Kết luận kiểm tra.' });
    x = step(
      x,
      { type: 'reopen', comment: 'Sửa số đảng viên miễn sinh hoạt.' },
      at('2026-12-16T02:00:00Z', 'dang_uy'),
    );
    x = step(x, { type: 'edit' }, at('2026-12-17T02:00:00Z'));
    x = step(x, { type: 'submit', check: clean }, at('2026-12-17T02:00:00Z'));
    expect(x.status).toBe('submitted');
    // When the exception expires the period is locked again.
    x = step(x, { type: 'return', comment: 'Còn sai.' }, at('2026-12-18T02:00:00Z', 'dang_uy'));
    refused(transition(x, { type: 'edit' }, at('2026-12-21T02:00:00Z')), 'REPORT_LOCKED');
  });

  it('returning after the lock needs an exception too', () => {
    const s = step(newReport(), { type: 'submit', check: clean }, at('2026-12-03T02:00:00Z'));
    refused(
      transition(s, { type: 'return', comment: 'Sai số liệu.' }, at('2026-12-16T02:00:00Z', 'dang_uy')),
      'REPORT_LOCKED',
    );
    // Approving after the lock is allowed: it does not change values.
    expect(transition(s, { type: 'approve' }, at('2026-12-16T02:00:00Z', 'dang_uy')).ok).toBe(true);
  });

  it('does not modify the input state', () => {
    const s = newReport();
    const copy = structuredClone(s);
    step(s, { type: 'submit', check: clean }, at('2026-11-28T02:00:00Z'));
    expect(s).toEqual(copy);
  });

  it('only submitted and approved values count in totals', () => {
    expect(
      ['draft', 'submitted', 'returned', 'approved'].map((st) => countsInTotals(st as ReportState['status'])),
    ).toEqual([false, true, false, true]);
  });
});
