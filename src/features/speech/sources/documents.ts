import { AppError } from '../../../platform/errors.ts';
import { paragraphsOf } from '../../documents/paragraphs.ts';
import { loadReadableDocument } from '../../documents/routes.ts';
import { registerSpeechSource } from '../sources.ts';

/** Who may read a document may hear it; paragraph ids are the documents feature's own (citation ids). */
registerSpeechSource('document', {
  async load(ctx, principal, id) {
    try {
      const { doc } = await loadReadableDocument(ctx, principal, id);
      return { title: doc.title, paragraphs: paragraphsOf(doc.body) };
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  },
});
