import type { Feature } from '../../platform/http/types.ts';
import { petitionMigrations } from './migrations.ts';
import { petitionRoutes } from './routes.ts';
import { registerPathColumns } from '../orgs/move-steps.ts';

// Copies of organisation paths, rewritten when a subtree moves (see orgs/move-steps.ts).
registerPathColumns('petitions', [
  ['petitions', 'sender_path'],
  ['petitions', 'addressed_path'],
  ['petition_addressees', 'org_path'],
]);

export const petitionsFeature: Feature = {
  name: 'petitions',
  migrations: petitionMigrations,
  routes: petitionRoutes,
};
