import type { AppContext } from '../../platform/context.ts';
import { indexSearchItem } from '../search/index-writer.ts';
import { allGuides, guideText } from './catalog.ts';

/**
 * Puts every guide in the site-wide search as type 'guide', published to every root organisation (guides are
 * for everyone). Run at start-up and after the demo seed; idempotent (indexSearchItem replaces).
 */
export async function indexGuides(ctx: AppContext): Promise<number> {
  const roots = await ctx.db.selectFrom('orgs').select('path').where('parent_id', 'is', null).execute();
  if (roots.length === 0) return 0;
  const audience = roots.map((r) => r.path);
  const guides = allGuides();
  await ctx.db.transaction().execute(async (trx) => {
    for (const g of guides) {
      await indexSearchItem(trx, {
        type: 'guide',
        id: g.slug,
        title: g.title,
        body: `${g.tags.join(', ')}\n${guideText(g)}`,
        date: '2026-11-23',
        url: `/guides/${g.slug}`,
        audience,
      });
    }
  });
  return guides.length;
}
