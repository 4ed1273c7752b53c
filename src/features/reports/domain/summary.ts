// Completeness and timeliness of reporting for a committee's subtree in one period.

import type { ExpectedReport } from './expected.ts';
import type { PeriodId } from './periods.ts';
import { timeliness } from './timeliness.ts';
import { ancestorsOf, isInSubtree, type OrgTree } from './tree.ts';
import type { ReportStatus } from './workflow.ts';

/** What the summary needs to know about an existing report (one row per org × template × period). */
export interface ReportRecord {
  orgId: string;
  templateCode: string;
  period: PeriodId;
  status: ReportStatus;
  firstSubmittedAt: Date | null;
  /** All required values present (templates.missingRequired is empty), whatever the status. */
  complete: boolean;
}

export interface OrgRef {
  orgId: string;
  name: string;
  templateCode: string;
}

export interface Counts {
  expected: number;
  /** Submitted at least once (including reports now returned for correction). */
  submitted: number;
  onTime: number;
  late: number;
  /** Not submitted and past the deadline. */
  missing: number;
  /** Not submitted, deadline not reached. */
  notDue: number;
  approved: number;
  awaitingReview: number;
  returned: number;
  /** Expected reports whose required values are all present, submitted or not. */
  dataComplete: number;
  /** submitted / expected, 0–1; null when nothing is expected. */
  completenessRate: number | null;
  /** onTime / expected, 0–1; null when nothing is expected. */
  timelinessRate: number | null;
}

export interface CompletenessSummary extends Counts {
  committeeId: string;
  period: PeriodId;
  missingOrgs: OrgRef[];
  lateOrgs: OrgRef[];
  returnedOrgs: OrgRef[];
  /** The same counts for each direct child of the committee (and the committee itself, if it reports). */
  byChild: Array<{ orgId: string; name: string } & Counts>;
}

function emptyCounts(): Counts {
  return {
    expected: 0,
    submitted: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    notDue: 0,
    approved: 0,
    awaitingReview: 0,
    returned: 0,
    dataComplete: 0,
    completenessRate: null,
    timelinessRate: null,
  };
}

function finish(c: Counts): Counts {
  c.completenessRate = c.expected === 0 ? null : c.submitted / c.expected;
  c.timelinessRate = c.expected === 0 ? null : c.onTime / c.expected;
  return c;
}

export function summariseCompleteness(input: {
  committeeId: string;
  period: PeriodId;
  tree: OrgTree;
  expected: readonly ExpectedReport[];
  reports: readonly ReportRecord[];
  now: Date;
}): CompletenessSummary {
  const { tree, committeeId, period } = input;
  const reports = new Map<string, ReportRecord>();
  for (const r of input.reports) {
    if (r.period === period) reports.set(`${r.orgId}\u0000${r.templateCode}`, r);
  }
  const total = emptyCounts();
  const perChild = new Map<string, Counts>();
  const missingOrgs: OrgRef[] = [];
  const lateOrgs: OrgRef[] = [];
  const returnedOrgs: OrgRef[] = [];
  const nameOf = (id: string): string => tree.byId.get(id)?.name ?? id;

  for (const exp of input.expected) {
    if (exp.period !== period || !isInSubtree(tree, exp.orgId, committeeId)) continue;
    const chain = [exp.orgId, ...ancestorsOf(tree, exp.orgId)];
    const childId =
      exp.orgId === committeeId ? committeeId : (chain[chain.indexOf(committeeId) - 1] as string);
    const child = perChild.get(childId) ?? emptyCounts();
    perChild.set(childId, child);

    const report = reports.get(`${exp.orgId}\u0000${exp.templateCode}`);
    const ref: OrgRef = { orgId: exp.orgId, name: nameOf(exp.orgId), templateCode: exp.templateCode };
    const when = timeliness(report?.firstSubmittedAt ?? null, exp.dates.deadlineAt, input.now);
    for (const c of [total, child]) {
      c.expected++;
      if (report?.firstSubmittedAt) c.submitted++;
      if (when === 'on_time') c.onTime++;
      else if (when === 'late') c.late++;
      else if (when === 'missing') c.missing++;
      else c.notDue++;
      if (report?.status === 'approved') c.approved++;
      if (report?.status === 'submitted') c.awaitingReview++;
      if (report?.status === 'returned') c.returned++;
      if (report?.complete) c.dataComplete++;
    }
    if (when === 'missing') missingOrgs.push(ref);
    if (when === 'late') lateOrgs.push(ref);
    if (report?.status === 'returned') returnedOrgs.push(ref);
  }

  const byName = (a: OrgRef, b: OrgRef): number => a.name.localeCompare(b.name, 'vi');
  return {
    committeeId,
    period,
    ...finish(total),
    missingOrgs: missingOrgs.sort(byName),
    lateOrgs: lateOrgs.sort(byName),
    returnedOrgs: returnedOrgs.sort(byName),
    byChild: [...perChild.entries()]
      .map(([orgId, c]) => ({ orgId, name: nameOf(orgId), ...finish(c) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}
