import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { principalOf } from '../../platform/http/request.ts';
import type { SearchItemType, SearchLevel } from './index-writer.ts';
import { MAX_QUERY_CHARS, MAX_QUERY_TERMS } from './query.ts';
import { SearchQuery, SearchResponse } from './schemas.ts';
import { searchFor } from './service.ts';
import { registerPathColumns } from '../orgs/move-steps.ts';

const tags = ['Tìm kiếm'];

// Copies of organisation paths, rewritten when a subtree moves (see orgs/move-steps.ts).
registerPathColumns('search', [['search_audience', 'path']]);

export const TRUNCATED_NOTICE = `Câu tìm kiếm quá dài: chỉ tìm theo ${MAX_QUERY_CHARS} ký tự hoặc ${MAX_QUERY_TERMS} từ đầu tiên.`;

export function searchRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/search',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tìm kiếm trong những gì người dùng được xem',
        querystring: SearchQuery,
        response: { 200: SearchResponse },
      },
    },
    async (req) => {
      const { q = '', type, level, from, to, limit } = req.query;
      const result = await searchFor(ctx.db, ctx.dialect, principalOf(req), {
        q,
        limit,
        filters: {
          types: type ? (type.split(',') as SearchItemType[]) : undefined,
          level: level as SearchLevel | undefined,
          from,
          to,
        },
      });
      return { ...result, notice: result.truncated ? TRUNCATED_NOTICE : null };
    },
  );
}
