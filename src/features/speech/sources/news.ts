import { nowIso } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { audienceView } from '../../../platform/permissions/check.ts';
import { splitParagraphs } from '../../../text/index.ts';
import { newsFeed } from '../../news/queries.ts';
import { loadReadableNews } from '../../news/routes.ts';
import { registerSpeechSource } from '../sources.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A news item is read from its plain text. Paragraph ids are `p1`, `p2`, … in order, so the article page marks
 * its rendered blocks with `data-paragraph-id` in the same order.
 */
registerSpeechSource('news', {
  async load(ctx, principal, id) {
    try {
      const { n } = await loadReadableNews(ctx, principal, id);
      return {
        title: n.title,
        paragraphs: splitParagraphs(n.body_text).map((p, i) => ({ id: `p${i + 1}`, text: p.text })),
      };
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  },
  /** "Nghe tin hôm nay": what went live in the last day, or the latest items when nothing did. */
  async playlist(ctx, principal, limit) {
    const now = nowIso();
    const { items } = await newsFeed(ctx.db, audienceView(principal), principal.accountId, { limit, now });
    const since = new Date(Date.parse(now) - DAY_MS).toISOString();
    const today = items.filter((i) => i.publishedAt >= since);
    return (today.length > 0 ? today : items.slice(0, 10))
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .map((i) => ({ id: i.id, title: i.title }));
  },
});
