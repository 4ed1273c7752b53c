import type { Feature } from '../../platform/http/types.ts';
import { supervisionMigrations } from './migrations.ts';
import './tables.ts';

/** Supervision across levels: monthly roll-up rows per organisation, summed over a committee's subtree. */
export const supervisionFeature: Feature = {
  name: 'supervision',
  migrations: supervisionMigrations,
};
