// Which reports are expected for a period, from the assignments committees have made.
//
// One rule decides both for organisations and for assignments: a report is expected for a period when,
// on the period's LAST day, the organisation exists and the assignment is active. So a branch founded
// on 20 June reports for June (and for the year), a branch dissolved on 10 June does not report for
// June, and an assignment made mid-month already covers that month.

import {
  periodDates,
  periodEnd,
  periodType,
  type DeadlineRule,
  type LocalDate,
  type PeriodDates,
  type PeriodId,
  type PeriodType,
} from './periods.ts';
import { ancestorsOf, buildTree, existsOn, isInSubtree, type OrgTree, type OrgUnit } from './tree.ts';

export type AssignmentTarget =
  { kind: 'org_types'; orgTypes: readonly string[] } | { kind: 'orgs'; orgIds: readonly string[] };

export interface Assignment {
  id: string;
  /** The assigning (and reviewing) committee's organisation; only its subtree can be targeted. */
  committeeId: string;
  templateCode: string;
  target: AssignmentTarget;
  periodType: PeriodType;
  deadline: DeadlineRule;
  /** First day the assignment applies. */
  activeFrom: LocalDate;
  /** Last day it applies (inclusive); absent = open-ended. */
  activeTo?: LocalDate | null;
}

export interface ExpectedReport {
  orgId: string;
  period: PeriodId;
  templateCode: string;
  assignmentId: string;
  /** Committee that receives and reviews the report. */
  reviewerId: string;
  dates: PeriodDates;
}

function isActiveOn(assignment: Assignment, date: LocalDate): boolean {
  return assignment.activeFrom <= date && (!assignment.activeTo || assignment.activeTo >= date);
}

function targets(assignment: Assignment, org: OrgUnit): boolean {
  return assignment.target.kind === 'org_types'
    ? assignment.target.orgTypes.includes(org.type)
    : assignment.target.orgIds.includes(org.id);
}

/**
 * Expected reports for one period. When several assignments ask the same organisation for the same
 * template and period, one report is expected, reviewed by the nearest assigning committee.
 */
export function expectedReports(
  assignments: readonly Assignment[],
  orgs: readonly OrgUnit[] | OrgTree,
  period: PeriodId,
): ExpectedReport[] {
  const tree = Array.isArray(orgs) ? buildTree(orgs) : (orgs as OrgTree);
  const type = periodType(period);
  const lastDay = periodEnd(period);
  const chosen = new Map<string, { report: ExpectedReport; distance: number }>();

  for (const assignment of assignments) {
    if (assignment.periodType !== type || !isActiveOn(assignment, lastDay)) continue;
    const dates = periodDates(period, assignment.deadline);
    const candidates =
      assignment.target.kind === 'orgs'
        ? assignment.target.orgIds.flatMap((id) => {
            const org = tree.byId.get(id);
            return org ? [org] : [];
          })
        : [...tree.byId.values()];
    for (const org of candidates) {
      if (!targets(assignment, org) || !existsOn(org, lastDay)) continue;
      if (!isInSubtree(tree, org.id, assignment.committeeId)) continue;
      const distance =
        org.id === assignment.committeeId ? 0 : ancestorsOf(tree, org.id).indexOf(assignment.committeeId) + 1;
      const key = `${org.id}\u0000${assignment.templateCode}`;
      const existing = chosen.get(key);
      if (existing && existing.distance <= distance) continue;
      chosen.set(key, {
        distance,
        report: {
          orgId: org.id,
          period,
          templateCode: assignment.templateCode,
          assignmentId: assignment.id,
          reviewerId: assignment.committeeId,
          dates,
        },
      });
    }
  }
  return [...chosen.values()].map((c) => c.report);
}
