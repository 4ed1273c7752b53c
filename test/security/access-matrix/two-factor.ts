import type { MatrixEntries } from './types.ts';

/** Two-factor sign-in acts on the caller's own account only. */
const entries: MatrixEntries = {
  routes: {
    'GET /api/v1/auth/two-factor': { target: 'own' },
    'POST /api/v1/auth/two-factor/enrol': { target: 'own' },
    'POST /api/v1/auth/two-factor/confirm': { target: 'own', body: () => ({ code: '000000' }) },
    'POST /api/v1/auth/two-factor/verify': { target: 'own', body: () => ({ code: '000000' }) },
    'POST /api/v1/auth/two-factor/cancel': { target: 'own', endsSession: true },
    'POST /api/v1/auth/two-factor/recovery-codes': {
      target: 'own',
      body: () => ({ password: 'sai-mat-khau' }),
    },
    'POST /api/v1/auth/two-factor/disable': { target: 'own', body: () => ({ password: 'sai-mat-khau' }) },
  },
};
export default entries;
