#!/usr/bin/env node
// Renders the app icons (PNG) from public/favicon.svg with the system Chromium, so the icons stay one drawing.
// Run after changing the drawing: node web/tools/make-icons.mjs
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const here = new URL('..', import.meta.url).pathname;
const svg = readFileSync(join(here, 'public/favicon.svg'), 'utf8');
// Maskable icons are cropped to a circle by some launchers: keep the drawing inside the central 80%.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#b71c1c"/><g transform="translate(9.6 9.6) scale(0.7)">${svg
  .replace(/<\/?svg[^>]*>/g, '')
  .replace(/<rect[^>]*\/>/, '')}</g></svg>`;

const targets = [
  { file: 'icons/icon-192.png', size: 192, source: svg },
  { file: 'icons/icon-512.png', size: 512, source: svg },
  { file: 'icons/maskable-512.png', size: 512, source: maskable },
  { file: 'icons/apple-touch-icon.png', size: 180, source: maskable },
];

const profile = mkdtempSync(join(tmpdir(), 'sotay-icons-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  for (const target of targets) {
    await page.setViewportSize({ width: target.size, height: target.size });
    const img = target.source.replace('<svg ', `<svg width="${target.size}" height="${target.size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${img}</body></html>`);
    await page.screenshot({ path: join(here, 'public', target.file), omitBackground: true });
    console.log(`wrote web/public/${target.file}`);
  }
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
