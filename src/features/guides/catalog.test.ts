import { describe, expect, it } from 'vitest';
import { allGuides, searchGuides } from './catalog.ts';
import { GuideFormatError, parseGuide } from './parse.ts';

describe('the guide catalogue', () => {
  const guides = allGuides();

  it('has at least 30 task-oriented guides in Vietnamese with steps, for every role', () => {
    expect(guides.length).toBeGreaterThanOrEqual(30);
    for (const g of guides) {
      expect(g.steps.length, g.slug).toBeGreaterThanOrEqual(3);
      expect(g.title.normalize('NFC'), g.slug).toBe(g.title);
    }
    for (const role of ['member', 'secretary', 'committee', 'admin'] as const) {
      expect(guides.filter((g) => g.roles.includes(role)).length, role).toBeGreaterThanOrEqual(5);
    }
  });

  it('covers the tasks members ask about', () => {
    const slugs = guides.map((g) => g.slug);
    for (const s of [
      'cai-dat-android',
      'cai-dat-iphone',
      'cai-dat-may-tinh',
      'dang-nhap',
      'doi-mat-khau',
      'diem-danh',
      'bieu-quyet',
      'viet-bien-ban',
      'gui-kien-nghi',
      'dien-bao-cao',
      'lam-trac-nghiem',
      'so-tay-ca-nhan',
    ]) {
      expect(slugs).toContain(s);
    }
  });

  it('is searchable without diacritics, titles and tags first', () => {
    expect(searchGuides('doi mat khau')[0]!.slug).toBe('doi-mat-khau');
    expect(
      searchGuides('điểm danh')
        .map((g) => g.slug)
        .slice(0, 2),
    ).toEqual(expect.arrayContaining(['diem-danh']));
    expect(searchGuides('iphone').map((g) => g.slug)).toContain('cai-dat-iphone');
    expect(searchGuides('khong co gi nhu the nay')).toEqual([]);
  });

  it('refuses malformed guides with the file named', () => {
    expect(() => parseGuide('no header', 'x.md')).toThrow(GuideFormatError);
    expect(() => parseGuide('---\nslug: Bad Slug\ntitle: A\nroles: member\n---\n1. a\n', 'y.md')).toThrow(
      /bad slug/,
    );
    expect(() =>
      parseGuide('---\nslug: a\ntitle: A\nroles: member\nshot: 3 | - | /login\n---\n1. a\n', 'z.md'),
    ).toThrow(/missing step/);
  });
});
