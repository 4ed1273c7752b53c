import { mutate } from '../../../src/platform/context.ts';
import { makeMember } from '../../support/factories.ts';
import { createAccount, grantRole } from '../../../src/features/accounts/service.ts';
import type { MatrixEntries } from './types.ts';

/** Organisations, members, accounts, roles, audit, sign-in: the routes every installation has. */
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const memberId = await makeMember(ctx, side.branch);
    const { accountId, grantId } = await mutate(
      ctx,
      { accountId: null, ip: null, requestId: 'matrix' },
      async (uow) => {
        const acc = await createAccount(uow, {
          login: `mau-${memberId.slice(-12)}`,
          memberId,
          password: 'mau-mat-khau-9',
        });
        const grant = await grantRole(uow, {
          accountId: acc.id,
          orgId: side.branch.id,
          orgPath: side.branch.path,
          role: 'committee_member',
          by: null,
        });
        return { accountId: acc.id, grantId: grant };
      },
    );
    return {
      '/api/v1/orgs/': side.branch.id,
      '/api/v1/members/': memberId,
      '/api/v1/accounts/': accountId,
      '/api/v1/role-grants/': grantId,
    };
  },
  routes: {
    'GET /api/v1/orgs/:id': { target: 'branch' },
    'GET /api/v1/orgs/:id/children': { target: 'branch' },
    'POST /api/v1/orgs': {
      target: 'commune',
      body: (_ids, side) => ({ parentId: side.commune.id, name: 'Chi bộ mới', type: 'branch' }),
    },
    'PATCH /api/v1/orgs/:id': { target: 'branch', body: () => ({ name: 'Chi bộ đổi tên' }) },
    'POST /api/v1/orgs/:id/move': {
      target: 'branch',
      body: (_ids, side) => ({ newParentId: side.commune.id }),
    },
    'POST /api/v1/orgs/:id/close': { target: 'branch', body: () => ({}) },
    'GET /api/v1/org-types': { target: 'global' },
    // Organisation types are shared by the installation: only an administrator of a root may add one.
    'POST /api/v1/org-types': {
      target: 'global',
      inside: [],
      body: () => ({
        code: 'to_chuc_thu',
        nameVi: 'Tổ chức thử',
        nameEn: 'Trial',
        rank: 60,
        holdsMembers: true,
        parentTypes: ['branch'],
      }),
    },
    'GET /api/v1/orgs/:id/members': { target: 'branch' },
    'POST /api/v1/orgs/:id/members': { target: 'branch', body: () => ({ fullName: 'Nguyễn Văn Mới' }) },
    'GET /api/v1/members/:id': {
      target: 'branch',
      inside: ['member', 'secretary', 'committee_member', 'office', 'admin'],
    },
    'PUT /api/v1/members/:id': { target: 'branch', body: () => ({ fullName: 'Trần Thị Sửa' }) },
    'POST /api/v1/members/:id/transfer': {
      target: 'branch',
      body: (_ids, side) => ({ kind: 'temporary', toOrgId: side.branch.id }),
    },
    'GET /api/v1/members/:id/transfers': { target: 'branch' },
    'POST /api/v1/orgs/:id/members/import': { target: 'branch' },
    'GET /api/v1/orgs/:id/members/export': { target: 'branch' },
    'POST /api/v1/auth/login': {
      target: 'own',
      body: () => ({ login: 'khong-co', password: 'sai-mat-khau' }),
    },
    'POST /api/v1/auth/logout': { target: 'own', endsSession: true },
    'POST /api/v1/auth/password': { target: 'own' },
    'GET /api/v1/auth/sessions': { target: 'own' },
    'GET /api/v1/me': { target: 'own' },
    'PUT /api/v1/me/preferences': { target: 'own', body: () => ({ textScale: 1 }) },
    'POST /api/v1/members/:id/account': { target: 'branch', body: () => ({}) },
    'POST /api/v1/accounts/:id/reset-password': { target: 'branch', body: () => ({}) },
    'POST /api/v1/accounts/:id/roles': {
      target: 'branch',
      body: (_ids, side) => ({ role: 'secretary', orgId: side.branch.id }),
    },
    'DELETE /api/v1/role-grants/:id': { target: 'branch' },
    'GET /api/v1/orgs/:id/audit': { target: 'branch' },
  },
};
export default entries;
