import { describe, expect, it } from 'vitest';
import { paragraphsOf } from './paragraphs.ts';

describe('paragraphsOf', () => {
  it('gives ids that survive edits to other paragraphs', () => {
    const a = paragraphsOf('Điều 1. Mục tiêu.\n\nĐiều 2. Nhiệm vụ.\n\nĐiều 3. Tổ chức thực hiện.');
    const b = paragraphsOf('Điều 1. Mục tiêu chung.\n\nĐiều 2. Nhiệm vụ.\n\nĐiều 3. Tổ chức thực hiện.');
    expect(a).toHaveLength(3);
    expect(a[0]!.id).not.toBe(b[0]!.id);
    expect(a[1]!.id).toBe(b[1]!.id);
    expect(a[2]!.id).toBe(b[2]!.id);
    expect(a[1]!.text).toBe('Điều 2. Nhiệm vụ.');
  });

  it('numbers repeated paragraphs and keeps ids usable in an HTML id', () => {
    const p = paragraphsOf('Lặp lại.\n\nKhác.\n\nLặp lại.');
    expect(p.map((x) => x.id)).toEqual([p[0]!.id, p[1]!.id, `${p[0]!.id}-2`]);
    for (const x of p) expect(x.id).toMatch(/^[0-9a-f]{10}(-\d+)?$/);
    expect(paragraphsOf('')).toEqual([]);
  });
});
