// The organisation tree as the reporting domain needs it: parents, ancestors, subtrees, lifetimes.

import type { LocalDate } from './periods.ts';

export interface OrgUnit {
  id: string;
  parentId: string | null;
  /** Organisation type code, e.g. "chi_bo", "dang_uy_co_so", "huyen_uy". */
  type: string;
  name: string;
  /** First day the organisation exists (decision date); absent = always existed. */
  openedOn?: LocalDate | null;
  /** First day it no longer exists (dissolved or merged "từ ngày …"); absent = still exists. */
  closedOn?: LocalDate | null;
}

export interface OrgTree {
  byId: ReadonlyMap<string, OrgUnit>;
  children: ReadonlyMap<string, readonly string[]>;
  roots: readonly string[];
}

export function buildTree(orgs: readonly OrgUnit[]): OrgTree {
  const byId = new Map<string, OrgUnit>();
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const org of orgs) byId.set(org.id, org);
  for (const org of orgs) {
    if (org.parentId === null || !byId.has(org.parentId)) {
      roots.push(org.id);
    } else {
      const list = children.get(org.parentId) ?? [];
      list.push(org.id);
      children.set(org.parentId, list);
    }
  }
  return { byId, children, roots };
}

/** Ancestors from the parent up to the root (excluding the organisation itself). */
export function ancestorsOf(tree: OrgTree, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  for (let parent = tree.byId.get(id)?.parentId ?? null; parent !== null;) {
    // A cycle in bad data must not hang the caller.
    if (seen.has(parent) || !tree.byId.has(parent)) break;
    seen.add(parent);
    out.push(parent);
    parent = tree.byId.get(parent)?.parentId ?? null;
  }
  return out;
}

/** The organisation followed by its ancestors: every node whose totals a value of `id` feeds. */
export function selfAndAncestors(tree: OrgTree, id: string): string[] {
  return [id, ...ancestorsOf(tree, id)];
}

export function isInSubtree(tree: OrgTree, id: string, rootId: string): boolean {
  return id === rootId || ancestorsOf(tree, id).includes(rootId);
}

/** The root and everything below it, depth first. */
export function subtreeOf(tree: OrgTree, rootId: string): string[] {
  if (!tree.byId.has(rootId)) return [];
  const out: string[] = [];
  const stack = [rootId];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    const kids = tree.children.get(id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as string);
  }
  return out;
}

/** Does the organisation exist on the given local day? */
export function existsOn(org: OrgUnit, date: LocalDate): boolean {
  return (!org.openedOn || org.openedOn <= date) && (!org.closedOn || org.closedOn > date);
}
