#!/usr/bin/env node
// Reports the gzipped size of the JavaScript the home page loads (module scripts, modulepreloads and classic
// scripts named in dist/web/index.html) and exits 1 when it exceeds the members' budget of 80 KB.
// Committee screens are dynamic imports and are not part of it. Build first: npm run build:web
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 80 * 1024;
const dist = resolve(process.argv[2] ?? 'dist/web');
const indexFile = join(dist, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`web-budget: ${indexFile} not found; build the web app first (npm run build:web)`);
  process.exit(2);
}

// htmlparser2 is what sanitize-html (a dependency) parses with; resolving it through sanitize-html keeps
// this script working however npm lays out node_modules.
const require = createRequire(createRequire(import.meta.url).resolve('sanitize-html'));
const { parseDocument, DomUtils } = require('htmlparser2');

const doc = parseDocument(readFileSync(indexFile, 'utf8'));
const urls = new Set();
for (const el of DomUtils.getElementsByTagName('script', doc)) {
  if (el.attribs.src) urls.add(el.attribs.src);
}
for (const el of DomUtils.getElementsByTagName('link', doc)) {
  const rel = (el.attribs.rel ?? '').toLowerCase().split(/\s+/);
  if (rel.includes('modulepreload') && el.attribs.href) urls.add(el.attribs.href);
}

let total = 0;
const rows = [];
for (const url of urls) {
  if (/^[a-z]+:\/\//i.test(url)) {
    console.error(`web-budget: external script ${url} cannot be measured`);
    process.exit(1);
  }
  const file = join(dist, url.replace(/^\//, '').split(/[?#]/)[0]);
  const gz = gzipSync(readFileSync(file), { level: 9 }).length;
  total += gz;
  rows.push([url, gz]);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [url, gz] of rows) console.log(`${kb(gz).padStart(9)}  ${url}`);
console.log(
  `${kb(total).padStart(9)}  total gzipped JavaScript on the home page (budget ${kb(BUDGET_BYTES)})`,
);
if (total > BUDGET_BYTES) {
  console.error(`web-budget: over budget by ${kb(total - BUDGET_BYTES)}`);
  process.exit(1);
}
