import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords.ts';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/** A hash of nothing anybody knows, verified when the login does not exist so both paths cost the same. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-account-${randomInt(1e9)}`);
  return dummyHash;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'same_as_login' | 'same_as_old';

export function passwordProblems(
  password: string,
  context: { login?: string; old?: string } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const p = password.normalize('NFC');
  if ([...p].length < 8) problems.push('too_short');
  if (p.length > 256) problems.push('too_long');
  if (COMMON_PASSWORDS.has(p.toLowerCase())) problems.push('common');
  if (context.login && p.toLowerCase() === context.login.toLowerCase()) problems.push('same_as_login');
  if (context.old !== undefined && p === context.old) problems.push('same_as_old');
  return problems;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** One-time passwords handed to a member on paper: no look-alike characters, grouped for reading aloud. */
export function oneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let s = '';
    for (let i = 0; i < 4; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}
