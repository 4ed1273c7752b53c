import { mutate } from '../../../src/platform/context.ts';
import { nowIso } from '../../../src/platform/db/database.ts';
import { sendMessage } from '../../../src/features/exchange/service.ts';
import { fileStoreOf } from '../../../src/features/documents/file-store.ts';
import { makeAccount } from '../../support/factories.ts';
import type { MatrixEntries } from './types.ts';

/**
 * Official correspondence: the side's commune sends a letter down to the side's member, with one attached file
 * (stored under the letter's own id, since the matrix fills every parameter with the same id). The recipient
 * and the sending committee's roles read it; only the recipient acknowledges; only the sender reminds and
 * attaches. The branch secretary, neither sender nor recipient, does not see it; nor does the other side.
 */
const sender = ['committee_member', 'office', 'admin'] as const;
// The commune's clerk who signed the letters: an account of its own, so no matrix caller is the sender.
const clerks = new Map<string, string>();
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    let clerk = clerks.get(side.name);
    if (!clerk) {
      clerk = (await makeAccount(ctx, { login: `matrix-clerk-${side.name.toLowerCase()}` })).id;
      clerks.set(side.name, clerk);
    }
    const senderAccountId = clerk;
    const id = await mutate(ctx, { accountId: null, ip: null, requestId: 'matrix' }, (uow) =>
      sendMessage(uow, {
        direction: 'down',
        title: 'Công văn mẫu',
        body: 'Nội dung công văn.',
        documentId: null,
        senderOrg: side.commune,
        senderOrgPath: side.commune.path,
        senderAccountId,
        senderMemberId: null,
        senderName: side.commune.name,
        ackDeadline: null,
        recipients: [{ memberId: side.memberId, orgId: null, orgPath: side.branch.path, name: 'Đảng viên' }],
      }),
    );
    const key = `matrix/${id}.txt`;
    const bytes = new TextEncoder().encode('Công văn');
    await fileStoreOf(ctx).put(key, bytes, 'text/plain');
    await ctx.db
      .insertInto('exchange_files')
      .values({
        id,
        message_id: id,
        file_key: key,
        file_name: 'cong-van.txt',
        mime: 'text/plain',
        size: bytes.length,
        created_at: nowIso(),
      })
      .execute();
    return { '/api/v1/exchange/': id };
  },
  routes: {
    // Sending down from the commune: its committee roles only, never a branch secretary or a member.
    'POST /api/v1/exchange': {
      target: 'commune',
      body: (_ids, side) => ({ fromOrgId: side.commune.id, title: 'Công văn', memberIds: [side.memberId] }),
    },
    // A member writes up to their own branch committee; accounts without a member record cannot.
    'POST /api/v1/exchange/to-committee': {
      target: 'own',
      inside: ['member', 'secretary'],
      body: () => ({ title: 'Báo cáo gửi chi ủy' }),
    },
    // The organisations a committee may send to: those who publish for the branch (or above it), nobody else.
    'GET /api/v1/orgs/:id/exchange-recipients': { target: 'branch', query: () => 'q=chi' },
    'GET /api/v1/exchange/inbox': { target: 'own' },
    'GET /api/v1/exchange/outbox': { target: 'own' },
    'GET /api/v1/exchange/:id': { target: 'commune', inside: ['member', ...sender], outside: [] },
    'POST /api/v1/exchange/:id/ack': { target: 'commune', inside: ['member'], outside: [] },
    'POST /api/v1/exchange/:id/remind': { target: 'commune', inside: [...sender], outside: [] },
    'POST /api/v1/exchange/:id/files': { target: 'commune', inside: [...sender], outside: [] },
    'GET /api/v1/exchange/:id/files/:fileId': {
      target: 'commune',
      inside: ['member', ...sender],
      outside: [],
    },
  },
};
export default entries;
