import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allGuides } from './catalog.ts';

const WEB = fileURLToPath(new URL('../../../web/src/', import.meta.url));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.tsx') ? [p] : [];
  });
}

describe('links from screens to guides', () => {
  it('name guides that exist', () => {
    const slugs = new Set(allGuides().map((g) => g.slug));
    const used: string[] = [];
    for (const file of sources(WEB)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/<GuideLink\s+slug="([^"]+)"/g))
        used.push(m[1]!);
    }
    expect(used.length).toBeGreaterThan(0);
    for (const slug of used) expect(slugs.has(slug), slug).toBe(true);
  });
});
