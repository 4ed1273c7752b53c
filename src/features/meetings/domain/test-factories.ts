import type { Member } from './rules.ts';

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
