import { htmlToPlainText } from '../../platform/html/sanitize.ts';
import type { PersonalDataContributor, PersonalDataPart } from '../privacy/registry.ts';
import { keyringFor } from './crypto.ts';
import { scanNotes } from './service.ts';

/**
 * The notebook, decrypted for its owner only: the export is built for the signed-in account, with the keys
 * derived for that account. Erasure deletes every note (the sealed bodies are unreadable without the account
 * anyway).
 */
export const notebookPersonalData: PersonalDataContributor = {
  title: 'Sổ tay ghi chép',
  tables: ['notebook_notes'],
  async collect(ctx, db, { accountId }) {
    if (!accountId) return { notes: [] };
    const notes: Extract<PersonalDataPart, unknown[]> = [];
    await scanNotes(db, keyringFor(ctx.config.dataDir), accountId, (n) => {
      notes.push({
        title: n.title,
        text: htmlToPlainText(n.html),
        html: n.html,
        tags: n.tags,
        quote: n.quote,
        link: n.link ? { type: n.link.type, label: n.link.label } : null,
        createdAt: n.createdAt,
        updatedAt: n.updatedAt,
      });
    });
    return { notes };
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    await uow.trx.deleteFrom('notebook_notes').where('owner_account_id', '=', accountId).execute();
  },
};
