import { describe, expect, it } from 'vitest';
import { expectedReports, type Assignment } from './expected.ts';
import { summariseCompleteness, type ReportRecord } from './summary.ts';
import { ORGS, tree } from './test-fixtures.ts';
import { timeliness } from './timeliness.ts';

const deadlineAt = new Date('2026-12-05T17:00:00Z');

describe('timeliness', () => {
  it('on time until the end of the deadline day in Vietnam', () => {
    expect(timeliness(new Date('2026-12-05T16:59:59Z'), deadlineAt, new Date('2026-12-10T00:00:00Z'))).toBe(
      'on_time',
    );
    expect(timeliness(new Date('2026-12-05T17:00:00Z'), deadlineAt, new Date('2026-12-10T00:00:00Z'))).toBe(
      'late',
    );
  });

  it('missing only once the deadline has passed', () => {
    expect(timeliness(null, deadlineAt, new Date('2026-12-05T16:00:00Z'))).toBe('not_due');
    expect(timeliness(null, deadlineAt, new Date('2026-12-05T17:00:00Z'))).toBe('missing');
  });
});

describe('summariseCompleteness', () => {
  const assignment: Assignment = {
    id: 'a1',
    committeeId: 'tinh',
    templateCode: 'BC_THANG_CHI_BO',
    target: { kind: 'org_types', orgTypes: ['chi_bo'] },
    periodType: 'monthly',
    deadline: { deadlineDays: 5, lockAfterDays: 15 },
    activeFrom: '2026-01-01',
  };
  const t = tree();
  const expected = expectedReports([assignment], t, '2026-11');
  const rec = (
    orgId: string,
    status: ReportRecord['status'],
    first: string | null,
    complete = true,
  ): ReportRecord => ({
    orgId,
    templateCode: 'BC_THANG_CHI_BO',
    period: '2026-11',
    status,
    firstSubmittedAt: first ? new Date(first) : null,
    complete,
  });
  const reports: ReportRecord[] = [
    rec('cb_tande5', 'approved', '2026-12-02T03:00:00Z'),
    // Submitted on time, returned, corrected and resubmitted after the deadline: still on time.
    rec('cb_tande6', 'submitted', '2026-12-04T03:00:00Z'),
    // Submitted on time and now waiting for correction.
    rec('cb_tande7', 'returned', '2026-12-05T10:00:00Z'),
    // First submitted after the deadline.
    rec('cb_tdp1', 'submitted', '2026-12-07T03:00:00Z'),
    // A draft that has every value but was never submitted.
    rec('cb_sotc', 'draft', null, true),
    // A report for another period must not be mixed in.
    { ...rec('cb_sotc', 'approved', '2026-11-03T03:00:00Z'), period: '2026-10' },
  ];

  it('counts expected, submitted, on time, late, missing, with the lists', () => {
    const s = summariseCompleteness({
      committeeId: 'tinh',
      period: '2026-11',
      tree: t,
      expected,
      reports,
      now: new Date('2026-12-10T00:00:00Z'),
    });
    expect(s).toMatchObject({
      expected: 5,
      submitted: 4,
      onTime: 3,
      late: 1,
      missing: 1,
      notDue: 0,
      approved: 1,
      awaitingReview: 2,
      returned: 1,
      dataComplete: 5,
      completenessRate: 0.8,
      timelinessRate: 0.6,
    });
    expect(s.missingOrgs).toEqual([
      { orgId: 'cb_sotc', name: 'Chi bộ Sở Tài chính', templateCode: 'BC_THANG_CHI_BO' },
    ]);
    expect(s.lateOrgs.map((o) => o.name)).toEqual(['Chi bộ tổ dân phố 1']);
    expect(s.returnedOrgs.map((o) => o.name)).toEqual(['Chi bộ thôn Tân Đệ 7']);
  });

  it('breaks the counts down by direct child of the committee', () => {
    const s = summariseCompleteness({
      committeeId: 'tinh',
      period: '2026-11',
      tree: t,
      expected,
      reports,
      now: new Date('2026-12-10T00:00:00Z'),
    });
    expect(s.byChild.map((c) => [c.name, c.expected, c.submitted, c.onTime, c.late, c.missing])).toEqual([
      ['Huyện ủy Vũ Thư', 3, 3, 3, 0, 0],
      ['Thành ủy Thái Bình', 2, 1, 0, 1, 1],
    ]);
  });

  it('limits itself to the committee subtree', () => {
    const s = summariseCompleteness({
      committeeId: 'kyba',
      period: '2026-11',
      tree: t,
      expected,
      reports,
      now: new Date('2026-12-10T00:00:00Z'),
    });
    expect(s).toMatchObject({ expected: 1, submitted: 1, late: 1, missing: 0 });
    expect(s.byChild.map((c) => c.orgId)).toEqual(['cb_tdp1']);
  });

  it('before the deadline, unsubmitted reports are not yet missing', () => {
    const s = summariseCompleteness({
      committeeId: 'tinh',
      period: '2026-11',
      tree: t,
      expected,
      reports: [],
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(s).toMatchObject({
      expected: 5,
      submitted: 0,
      missing: 0,
      notDue: 5,
      completenessRate: 0,
      missingOrgs: [],
    });
  });

  it('an organisation opened mid-year is expected only from its first period', () => {
    const may = expectedReports([assignment], ORGS, '2026-05');
    const s = summariseCompleteness({
      committeeId: 'tande',
      period: '2026-05',
      tree: t,
      expected: may,
      reports: [],
      now: new Date('2026-07-01T00:00:00Z'),
    });
    expect(s.expected).toBe(2);
    expect(s.missingOrgs.map((o) => o.orgId)).toEqual(['cb_tande5', 'cb_tande6']);
  });

  it('nothing expected gives null rates, not a division by zero', () => {
    const s = summariseCompleteness({
      committeeId: 'tinh',
      period: '2026-11',
      tree: t,
      expected: [],
      reports,
      now: new Date('2026-12-10T00:00:00Z'),
    });
    expect(s).toMatchObject({ expected: 0, completenessRate: null, timelinessRate: null, byChild: [] });
  });
});
