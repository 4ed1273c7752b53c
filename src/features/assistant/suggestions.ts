import type { Db } from '../../platform/db/database.ts';
import { canSeeAudience, type AudienceView } from '../../platform/permissions/check.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';
import { generateQuestions } from '../quizzes/domain/generate.ts';

/**
 * Questions a reader of one item might ask, made from its own facts ("Đến năm 2025 … bao nhiêu phần trăm …?"),
 * or null when the item is not in the index or not visible to the viewer.
 */
export async function suggestionsFor(
  db: Db,
  view: AudienceView,
  type: string,
  id: string,
  limit = 4,
): Promise<string[] | null> {
  const item = await db
    .selectFrom('search_items')
    .select(['seq', 'body'])
    .where('type', '=', type as never)
    .where('item_id', '=', id)
    .executeTakeFirst();
  if (!item) return null;
  const paths = await db
    .selectFrom('search_audience')
    .select('path')
    .where('item_seq', '=', item.seq)
    .execute();
  if (
    !canSeeAudience(
      view,
      paths.map((p) => p.path),
    )
  )
    return null;
  const questions = generateQuestions(paragraphsOf(item.body), { max: 40 });
  return questions
    .filter((x) => x.kind === 'single' && x.origin !== 'definition' && x.stem.length <= 160)
    .slice(0, limit)
    .map((x) => x.stem);
}
