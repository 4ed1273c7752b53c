// The features' parts of the synthetic dataset, in the order they run: supervision counts what meetings wrote.
import type { DatasetPlugin } from './generate.ts';
import { contentPlugin } from './generate-content.ts';
import { meetingsDataset } from '../features/meetings/dataset.ts';
import { reportsDataset } from '../features/reports/dataset.ts';
import { supervisionDataset } from '../features/supervision/dataset.ts';

export const DATASET_PLUGINS: readonly DatasetPlugin[] = [
  contentPlugin,
  meetingsDataset,
  reportsDataset,
  supervisionDataset,
];

/**
 * The plugins a `--plugins` value names: `all`, `none`, or a comma-separated list of names (run in the
 * registry's order whatever the list's order). Unknown names are refused with the list of known ones.
 */
export function selectPlugins(value: string): DatasetPlugin[] {
  const wanted = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (wanted.length === 1 && wanted[0] === 'all') return [...DATASET_PLUGINS];
  if (wanted.length === 1 && wanted[0] === 'none') return [];
  const known = new Set(DATASET_PLUGINS.map((p) => p.name));
  const unknown = wanted.filter((w) => !known.has(w));
  if (unknown.length > 0 || wanted.length === 0)
    throw new RangeError(
      `unknown dataset part ${unknown.join(', ') || '(empty)'}; known: all, none, ${[...known].join(', ')}`,
    );
  return DATASET_PLUGINS.filter((p) => wanted.includes(p.name));
}
