import type { AppContext } from '../../platform/context.ts';
import { htmlToPlainText } from '../../platform/html/sanitize.ts';
import { foldedStream, terms } from '../search/analyze.ts';
import { registerPrivateSearchSource } from '../search/private-sources.ts';
import { coverage, scoreItem } from '../search/rank.ts';
import type { SearchHit } from '../search/service.ts';
import type { NotebookKeyring } from './crypto.ts';
import { scanNotes } from './service.ts';

/**
 * The caller's own notes as hits of the site-wide search. Notes never enter the shared index: each search
 * decrypts only the caller's notebook in memory (bounded, see docs/notebook-encryption.md) and ranks it with the
 * same scorer as the index.
 */
export function registerNotebookSearch(ctx: AppContext, ring: NotebookKeyring): () => void {
  return registerPrivateSearchSource({
    name: 'notebook',
    async search({ principal, query, limit }) {
      const hits: SearchHit[] = [];
      await scanNotes(ctx.db, ring, principal.accountId, (note) => {
        const body = [
          note.tags.join(' '),
          htmlToPlainText(note.html),
          note.quote ?? '',
          note.link?.label ?? '',
        ]
          .filter(Boolean)
          .join('\n');
        const item = {
          title: note.title,
          body,
          titleF: foldedStream(terms(note.title)),
          bodyF: foldedStream(terms(body)),
          numberKey: null,
        };
        if (coverage(query, item) < query.terms.length) return;
        hits.push({
          type: 'note',
          id: note.id,
          title: note.title || 'Ghi chép không tiêu đề',
          snippet: body.slice(0, 200),
          highlights: [],
          titleHighlights: [],
          score: scoreItem(query, item),
          source: null,
          url: `/notebook/${note.id}`,
          date: note.updatedAt,
          number: null,
          level: null,
        });
      });
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  });
}
