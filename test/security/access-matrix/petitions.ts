import { mutate } from '../../../src/platform/context.ts';
import { sendPetition } from '../../../src/features/petitions/service.ts';
import type { MatrixEntries } from './types.ts';

/**
 * Petitions: the side's member writes to the side's commune committee. The sender and the commune's committee
 * roles read it; only the committee acts on it; the branch secretary (below the addressee) does not see it.
 */
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const id = await mutate(ctx, { accountId: side.accountId, ip: null, requestId: 'matrix' }, (uow) =>
      sendPetition(uow, {
        sender: { accountId: side.accountId, memberId: side.memberId, branch: side.branch },
        to: side.commune,
        category: 'khac',
        title: 'Kiến nghị mẫu',
        body: 'Nội dung kiến nghị mẫu.',
        confidential: false,
      }),
    );
    return { '/api/v1/petitions/': id };
  },
  routes: {
    // Only accounts of members send; committee accounts without a member record are refused.
    'GET /api/v1/petitions/targets': { target: 'own', inside: ['member', 'secretary'] },
    'GET /api/v1/petitions/mine': { target: 'own' },
    'POST /api/v1/petitions': {
      target: 'own',
      inside: ['member', 'secretary'],
      body: (_ids, side) => ({
        orgId: side.commune.id,
        category: 'khac',
        title: 'Kiến nghị',
        body: 'Nội dung',
      }),
    },
    'GET /api/v1/petitions/:id': {
      target: 'commune',
      inside: ['member', 'committee_member', 'office', 'admin'],
      outside: [],
    },
    'POST /api/v1/petitions/:id/actions': {
      target: 'commune',
      inside: ['committee_member', 'office', 'admin'],
      outside: [],
      body: () => ({ action: 'acknowledge', version: 1 }),
    },
    'GET /api/v1/orgs/:id/petitions': { target: 'branch' },
    'GET /api/v1/orgs/:id/petition-stats': { target: 'branch' },
    'PUT /api/v1/orgs/:id/petition-settings': { target: 'branch', body: () => ({ responseDays: 10 }) },
  },
};
export default entries;
