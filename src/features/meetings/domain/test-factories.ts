import type { Member, MemberKind, MemberStatus } from './rules.ts';

let seq = 0;

/** Test data: a member with sensible defaults (full, active). */
export function makeMember(
  overrides: Partial<Member> & { kind?: MemberKind; status?: MemberStatus } = {},
): Member {
  seq += 1;
  return { id: `m${seq}`, kind: 'full', status: 'active', ...overrides };
}

/** `n` members sharing the same kind and status, with ids `${prefix}1…n`. */
export function makeMembers(
  n: number,
  prefix: string,
  overrides: Partial<Omit<Member, 'id'>> = {},
): Member[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    kind: 'full',
    status: 'active',
    ...overrides,
  }));
}
