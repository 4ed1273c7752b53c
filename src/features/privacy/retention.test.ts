import { describe, expect, it } from 'vitest';
import { RETENTION_KEYS } from './registry.ts';
import { nextRetentionRun, RETENTION_RULES } from './retention.ts';

describe('retention', () => {
  it('runs at 02:00 Vietnam time, the same night or the next', () => {
    expect(nextRetentionRun(new Date('2026-11-23T03:00:00Z')).toISOString()).toBe('2026-11-23T19:00:00.000Z');
    expect(nextRetentionRun(new Date('2026-11-23T19:00:00Z')).toISOString()).toBe('2026-11-24T19:00:00.000Z');
    expect(nextRetentionRun(new Date('2026-12-31T20:30:00Z')).toISOString()).toBe('2027-01-01T19:00:00.000Z');
  });

  it('has a default inside the allowed range for every setting', () => {
    for (const key of RETENTION_KEYS) {
      const r = RETENTION_RULES[key];
      expect(r.minDays, key).toBeLessThanOrEqual(r.defaultDays);
      expect(r.defaultDays, key).toBeLessThanOrEqual(r.maxDays);
    }
  });
});
