import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 s. */
const PERIOD = 30;
const ISSUER = 'Sổ tay';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

export function otpauthUri(secret: string, label: string): string {
  return totpFor(secret, label).toString();
}

/** The code for a time, for tests and for the enrolment check. */
export function totpCode(secret: string, at: number = Date.now()): string {
  return totpFor(secret, 'x').generate({ timestamp: at });
}

/**
 * Checks a code within one step of clock drift and returns its time step, or null. The caller stores the
 * step and refuses any step not newer than the last one, so a code seen over a shoulder cannot be replayed.
 */
export function totpStep(secret: string, code: string, at: number = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret, 'x').validate({ token, timestamp: at, window: 1 });
  if (delta === null) return null;
  return Math.floor(at / 1000 / PERIOD) + delta;
}

// Base32 without look-alikes (0/O, 1/I/L) so codes read aloud or typed from paper survive.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Ten one-time recovery codes of 10 characters (about 50 bits each), shown once and stored hashed. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    let s = '';
    for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** A fast hash is enough: the codes are random with ~50 bits, not chosen by people. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(`sotay-recovery:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}
