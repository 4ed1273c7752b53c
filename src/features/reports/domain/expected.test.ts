import { describe, expect, it } from 'vitest';
import { expectedReports, type Assignment } from './expected.ts';
import { ORGS, tree } from './test-fixtures.ts';
import { ancestorsOf, buildTree, isInSubtree, selfAndAncestors, subtreeOf } from './tree.ts';

const monthlyFromProvince: Assignment = {
  id: 'a1',
  committeeId: 'tinh',
  templateCode: 'BC_THANG_CHI_BO',
  target: { kind: 'org_types', orgTypes: ['chi_bo'] },
  periodType: 'monthly',
  deadline: { deadlineDays: 5, lockAfterDays: 15 },
  activeFrom: '2026-01-01',
};

const ids = (list: { orgId: string }[]): string[] => list.map((e) => e.orgId).sort();

describe('tree', () => {
  const t = tree();
  it('walks ancestors and subtrees', () => {
    expect(ancestorsOf(t, 'cb_tande5')).toEqual(['tande', 'vuthu', 'tinh']);
    expect(selfAndAncestors(t, 'cb_sotc')).toEqual(['cb_sotc', 'tp', 'tinh']);
    expect(subtreeOf(t, 'kyba')).toEqual(['kyba', 'cb_tdp1', 'cb_tdp2']);
    expect(subtreeOf(t, 'nowhere')).toEqual([]);
    expect(isInSubtree(t, 'cb_tdp1', 'tp')).toBe(true);
    expect(isInSubtree(t, 'cb_tdp1', 'vuthu')).toBe(false);
  });

  it('survives a cycle in bad data', () => {
    const bad = buildTree([
      { id: 'a', parentId: 'b', type: 'x', name: 'A' },
      { id: 'b', parentId: 'a', type: 'x', name: 'B' },
    ]);
    expect(ancestorsOf(bad, 'a')).toEqual(['b']);
  });
});

describe('expectedReports', () => {
  it('expects every branch of the subtree by type, for periods they exist in', () => {
    // May: Tân Đệ 7 (opened 20/6) does not exist yet, tổ dân phố 2 (closed 10/6) still does.
    expect(ids(expectedReports([monthlyFromProvince], ORGS, '2026-05'))).toEqual([
      'cb_sotc',
      'cb_tande5',
      'cb_tande6',
      'cb_tdp1',
      'cb_tdp2',
    ]);
    // June: a branch opened mid-month reports for that month; one closed mid-month does not.
    expect(ids(expectedReports([monthlyFromProvince], ORGS, '2026-06'))).toEqual([
      'cb_sotc',
      'cb_tande5',
      'cb_tande6',
      'cb_tande7',
      'cb_tdp1',
    ]);
  });

  it('an organisation opened mid-year is expected for the periods whose last day it exists on', () => {
    const yearly: Assignment = { ...monthlyFromProvince, id: 'y', periodType: 'yearly' };
    const half: Assignment = { ...monthlyFromProvince, id: 'h', periodType: 'half_yearly' };
    const orgs = [
      ...ORGS,
      { id: 'cb_moi', parentId: 'tande', type: 'chi_bo', name: 'Chi bộ thôn Mới', openedOn: '2026-07-01' },
    ];
    const year = ids(expectedReports([yearly], orgs, '2026'));
    expect(year).toEqual(expect.arrayContaining(['cb_tande7', 'cb_moi']));
    expect(year).not.toContain('cb_tdp2');
    // Opened 20/6: exists on 30/6, so it reports for the first half; opened 1/7: it does not.
    expect(ids(expectedReports([half], orgs, '2026-H1'))).toContain('cb_tande7');
    expect(ids(expectedReports([half], orgs, '2026-H1'))).not.toContain('cb_moi');
    expect(ids(expectedReports([half], orgs, '2026-H2'))).toEqual(
      expect.arrayContaining(['cb_tande7', 'cb_moi']),
    );
    expect(ids(expectedReports([half], orgs, '2025-H2'))).not.toContain('cb_tande7');
  });

  it('carries the deadline and lock dates', () => {
    const [first] = expectedReports([monthlyFromProvince], ORGS, '2026-11');
    expect(first).toMatchObject({
      period: '2026-11',
      templateCode: 'BC_THANG_CHI_BO',
      assignmentId: 'a1',
      reviewerId: 'tinh',
    });
    expect(first?.dates).toMatchObject({ deadline: '2026-12-05', lockDate: '2026-12-15' });
  });

  it('only applies assignments of the same period type that are active on the last day', () => {
    const later: Assignment = { ...monthlyFromProvince, activeFrom: '2026-11-15', activeTo: '2027-03-31' };
    expect(expectedReports([later], ORGS, '2026-10')).toEqual([]);
    expect(expectedReports([later], ORGS, '2026-11')).toHaveLength(5);
    expect(expectedReports([later], ORGS, '2027-03')).toHaveLength(5);
    expect(expectedReports([later], ORGS, '2027-04')).toEqual([]);
    expect(expectedReports([{ ...later, activeTo: '2027-03-30' }], ORGS, '2027-03')).toEqual([]);
    expect(expectedReports([monthlyFromProvince], ORGS, '2026-Q4')).toEqual([]);
  });

  it('targets only the committee subtree, by type or by an explicit list', () => {
    const district: Assignment = { ...monthlyFromProvince, id: 'd', committeeId: 'vuthu' };
    expect(ids(expectedReports([district], ORGS, '2026-11'))).toEqual([
      'cb_tande5',
      'cb_tande6',
      'cb_tande7',
    ]);
    const list: Assignment = {
      ...monthlyFromProvince,
      id: 'l',
      committeeId: 'tp',
      target: { kind: 'orgs', orgIds: ['kyba', 'cb_sotc', 'cb_tande5', 'khong_co'] },
    };
    // Tân Đệ 5 is outside the city committee's subtree; unknown ids are ignored.
    expect(ids(expectedReports([list], tree(), '2026-11'))).toEqual(['cb_sotc', 'kyba']);
  });

  it('expects one report when two committees ask for the same template, reviewed by the nearer one', () => {
    const commune: Assignment = { ...monthlyFromProvince, id: 'c', committeeId: 'tande' };
    const out = expectedReports([monthlyFromProvince, commune], ORGS, '2026-11');
    expect(out).toHaveLength(5);
    expect(out.filter((e) => e.orgId.startsWith('cb_tande')).map((e) => e.reviewerId)).toEqual([
      'tande',
      'tande',
      'tande',
    ]);
    expect(out.find((e) => e.orgId === 'cb_sotc')?.reviewerId).toBe('tinh');
    // Order of assignments does not matter.
    const reversed = expectedReports([commune, monthlyFromProvince], ORGS, '2026-11');
    expect(reversed.find((e) => e.orgId === 'cb_tande5')?.reviewerId).toBe('tande');
  });
});
