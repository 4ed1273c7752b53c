import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Self check-in: the secretary's screen shows a QR code holding a token signed with the meeting's own key, and
 * a six-digit code under it for phones that cannot scan. Both expire quickly; the screen refreshes them.
 */
export const CHECK_IN_TTL_MS = 2 * 60_000;

export function newMeetingSecret(): string {
  return randomBytes(32).toString('base64url');
}

function signature(secret: string, meetingId: string, expiresAt: number): Buffer {
  return createHmac('sha256', secret).update(`${meetingId}.${expiresAt}`).digest();
}

export interface IssuedCheckIn {
  token: string;
  code: string;
  expiresAt: string;
}

export function issueCheckIn(secret: string, meetingId: string, now: number): IssuedCheckIn {
  const expiresAt = now + CHECK_IN_TTL_MS;
  return signCheckIn(secret, meetingId, expiresAt);
}

export function signCheckIn(secret: string, meetingId: string, expiresAt: number): IssuedCheckIn {
  const sig = signature(secret, meetingId, expiresAt);
  const code = String(sig.readUInt32BE(0) % 1_000_000).padStart(6, '0');
  return {
    token: `${expiresAt.toString(36)}.${sig.subarray(0, 18).toString('base64url')}`,
    code,
    expiresAt: new Date(expiresAt).toISOString(),
  };
}

export type CheckInVerdict = 'ok' | 'invalid' | 'expired';

export function verifyCheckInToken(
  secret: string,
  meetingId: string,
  token: string,
  now: number,
): CheckInVerdict {
  const [expPart, sigPart] = token.split('.');
  if (!expPart || !sigPart) return 'invalid';
  const expiresAt = parseInt(expPart, 36);
  if (!Number.isSafeInteger(expiresAt)) return 'invalid';
  const expected = signature(secret, meetingId, expiresAt).subarray(0, 18);
  const given = Buffer.from(sigPart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return expiresAt < now ? 'expired' : 'ok';
}
