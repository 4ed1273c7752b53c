import { describe, expect, it } from 'vitest';
import { MEETING_ERRORS, MEETING_NOTICES } from './codes.ts';

describe('meeting codes', () => {
  it('every error has a client-facing status and Vietnamese and English messages in NFC', () => {
    for (const [code, spec] of Object.entries(MEETING_ERRORS)) {
      expect(code).toMatch(/^(MEETING|VOTE)_[A-Z_]+$/);
      expect([403, 404, 409, 422]).toContain(spec.status);
      expect(spec.vi.normalize('NFC')).toBe(spec.vi);
      expect(spec.vi.length).toBeGreaterThan(10);
      expect(spec.en.length).toBeGreaterThan(10);
    }
  });

  it('notices carry messages too', () => {
    for (const notice of Object.values(MEETING_NOTICES)) {
      expect(notice.vi.normalize('NFC')).toBe(notice.vi);
      expect(notice.vi).not.toBe(notice.en);
    }
  });

  it('the out-of-order message quotes the rule members know', () => {
    expect(MEETING_ERRORS.MEETING_STEP_OUT_OF_ORDER.vi).toBe(
      'Xong nội dung hiện tại mới được chuyển sang nội dung kế tiếp.',
    );
  });
});
