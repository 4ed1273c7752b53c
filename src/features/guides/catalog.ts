import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold } from '../../text/fold.ts';
import { parseGuide, type Guide } from './parse.ts';

export const GUIDES_DIR = fileURLToPath(new URL('../../../guides/', import.meta.url));
export const SCREENSHOTS_DIR = path.join(GUIDES_DIR, 'screenshots');

let cached: Guide[] | null = null;

/** All guides, read once per process (they ship with the code). */
export function allGuides(dir = GUIDES_DIR): Guide[] {
  if (cached && dir === GUIDES_DIR) return cached;
  const guides = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .sort()
    .map((f) => parseGuide(fs.readFileSync(path.join(dir, f), 'utf8'), f));
  const seen = new Set<string>();
  for (const g of guides) {
    if (seen.has(g.slug)) throw new Error(`guide slug ${g.slug} used twice`);
    seen.add(g.slug);
  }
  if (dir === GUIDES_DIR) cached = guides;
  return guides;
}

export function findGuide(slug: string): Guide | undefined {
  return allGuides().find((g) => g.slug === slug);
}

/** `<slug>-<step>.png` produced by `npm run guides:screenshots`, when that screen exists. */
export function screenshotFile(slug: string, step: number): string | null {
  const name = `${slug}-${step}.png`;
  return fs.existsSync(path.join(SCREENSHOTS_DIR, name)) ? name : null;
}

/** Diacritic-insensitive match on title, tags, summary and steps; title and tag hits rank first. */
export function searchGuides(query: string, guides = allGuides()): Guide[] {
  const tokens = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (tokens.length === 0) return guides;
  const scored: Array<{ g: Guide; score: number }> = [];
  for (const g of guides) {
    const title = fold(`${g.title} ${g.tags.join(' ')}`);
    const all = `${title} ${fold(`${g.summary} ${g.steps.join(' ')} ${g.tip ?? ''}`)}`;
    if (!tokens.every((t) => all.includes(t))) continue;
    scored.push({ g, score: tokens.filter((t) => title.includes(t)).length });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.g);
}

export function guideText(g: Guide): string {
  return [g.summary, ...g.steps.map((s, i) => `Bước ${i + 1}. ${s}`), g.tip ?? ''].filter(Boolean).join('\n');
}
