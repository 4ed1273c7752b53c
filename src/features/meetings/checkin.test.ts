import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_TTL_MS,
  issueCheckIn,
  newMeetingSecret,
  signCheckIn,
  verifyCheckInToken,
} from './checkin.ts';

describe('check-in tokens', () => {
  const secret = newMeetingSecret();
  const now = Date.parse('2026-11-25T12:40:00Z');

  it('accepts a fresh token for its meeting and gives a six-digit code', () => {
    const issued = issueCheckIn(secret, 'meeting-1', now);
    expect(issued.code).toMatch(/^\d{6}$/);
    expect(Date.parse(issued.expiresAt) - now).toBe(CHECK_IN_TTL_MS);
    expect(verifyCheckInToken(secret, 'meeting-1', issued.token, now + CHECK_IN_TTL_MS - 1)).toBe('ok');
  });

  it('refuses an expired token, another meeting’s token and a forged one', () => {
    const issued = issueCheckIn(secret, 'meeting-1', now);
    expect(verifyCheckInToken(secret, 'meeting-1', issued.token, now + CHECK_IN_TTL_MS + 1)).toBe('expired');
    expect(verifyCheckInToken(secret, 'meeting-2', issued.token, now)).toBe('invalid');
    expect(verifyCheckInToken(newMeetingSecret(), 'meeting-1', issued.token, now)).toBe('invalid');
    // Moving the expiry forward breaks the signature.
    const [, sig] = issued.token.split('.');
    const later = `${(now + 3_600_000).toString(36)}.${sig}`;
    expect(verifyCheckInToken(secret, 'meeting-1', later, now)).toBe('invalid');
    expect(verifyCheckInToken(secret, 'meeting-1', 'garbage', now)).toBe('invalid');
  });

  it('derives the code from the signature, so it changes with every token', () => {
    const a = signCheckIn(secret, 'meeting-1', now + 1000);
    const b = signCheckIn(secret, 'meeting-1', now + 2000);
    expect(a.code).not.toBe(b.code);
  });
});
