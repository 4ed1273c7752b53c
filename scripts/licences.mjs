#!/usr/bin/env node
// Checks the licence of every installed package against the licences compatible with AGPL-3.0-or-later.
// Fails on an unknown or incompatible licence; an exception needs a reason below.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ALLOWED = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  '0BSD',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'Apache-2.0',
  'Zlib',
  'Unlicense',
  'CC0-1.0',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'BlueOak-1.0.0',
  'Python-2.0',
  'MPL-2.0',
  'LGPL-2.1',
  'LGPL-2.1-or-later',
  'LGPL-3.0',
  'LGPL-3.0-or-later',
  'GPL-3.0',
  'GPL-3.0-or-later',
  'AGPL-3.0',
  'AGPL-3.0-or-later',
  'WTFPL',
  'Artistic-2.0',
  'OFL-1.1',
  'X11',
  'PSF-2.0',
  'Unicode-DFS-2016',
  'Unicode-3.0',
  'W3C',
  'Public Domain',
]);
// Packages whose package.json names no SPDX licence, checked by hand (name@version → licence, why).
const REVIEWED = {
  'png-js@2.0.0': 'MIT', // LICENSE file in the package (used by pdfkit)
  'buffers@0.1.1': 'MIT', // upstream substack/node-buffers is MIT/X11; used by exceljs → unzipper → binary
};
// Old non-SPDX names with one meaning for compatibility.
const ALIASES = { 'MIT/X11': 'MIT', BSD: 'BSD-3-Clause' };

function normalise(raw) {
  if (!raw) return null;
  if (typeof raw === 'object') return normalise(raw.type);
  return String(raw)
    .trim()
    .replace(/^\((.*)\)$/, '$1');
}

/** An SPDX expression is acceptable when every AND part, or any OR part, is. */
function acceptable(expr) {
  if (expr.includes(' OR '))
    return expr.split(' OR ').some((p) => acceptable(p.trim().replace(/^\(|\)$/g, '')));
  if (expr.includes(' AND '))
    return expr.split(' AND ').every((p) => acceptable(p.trim().replace(/^\(|\)$/g, '')));
  return ALLOWED.has(expr.replace(/\+$/, ''));
}

const packages = new Map();
function walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    if (name.startsWith('@')) {
      walk(full);
      continue;
    }
    const manifest = join(full, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      if (pkg.name && pkg.version) packages.set(`${pkg.name}@${pkg.version}`, pkg);
    }
    walk(join(full, 'node_modules'));
  }
}
walk('node_modules');

const problems = [];
const counts = {};
for (const [id, pkg] of packages) {
  const declared = normalise(pkg.license) ?? normalise(pkg.licenses?.[0]) ?? REVIEWED[id] ?? null;
  const licence = declared ? (ALIASES[declared] ?? declared) : null;
  counts[licence ?? 'none'] = (counts[licence ?? 'none'] ?? 0) + 1;
  if (!licence) problems.push(`${id}: no licence declared`);
  else if (!acceptable(licence)) problems.push(`${id}: ${licence}`);
}
console.log(
  `${packages.size} packages: ${Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
if (problems.length) {
  console.error(`Licences not known to be compatible with AGPL-3.0-or-later:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('All licences are compatible with AGPL-3.0-or-later.');
