import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { closeContext, createContext, migrate } from '../app/boot.ts';
import type { Db } from '../platform/db/database.ts';
import { audienceView, type AudienceView } from '../platform/permissions/check.ts';
import type { SearchFilters } from '../features/search/backend.ts';
import { SEARCH_ITEM_TYPES, type SearchItemType, type SearchLevel } from '../features/search/index-writer.ts';
import { searchIndex, type SearchResult } from '../features/search/service.ts';
import { rebuildSearchIndex } from '../features/search/rebuild.ts';

interface SearchOptions {
  json?: boolean;
  type?: string;
  level?: string;
  from?: string;
  to?: string;
  limit?: string;
}

/** What the administrator of the root organisation(s) sees: everything published anywhere in the tree. */
export async function rootAdminView(db: Db): Promise<AudienceView> {
  const roots = await db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .where('status', '=', 'active')
    .execute();
  return audienceView({
    accountId: 'cli',
    memberId: null,
    grants: roots.map((r) => ({ role: 'admin', orgId: r.id, orgPath: r.path, implicit: false })),
  });
}

function filtersOf(opts: SearchOptions): SearchFilters {
  const types = opts.type?.split(',').filter(Boolean);
  for (const t of types ?? []) {
    if (!SEARCH_ITEM_TYPES.includes(t as SearchItemType)) throw new Error(`Loại không hợp lệ: ${t}`);
  }
  return {
    types: types as SearchItemType[] | undefined,
    level: opts.level as SearchLevel | undefined,
    from: opts.from,
    to: opts.to,
  };
}

function printHuman(result: SearchResult): void {
  if (result.truncated) console.log('(Câu tìm kiếm quá dài, đã cắt bớt.)');
  if (result.hits.length === 0) console.log('Không tìm thấy kết quả.');
  result.hits.forEach((h, i) => {
    console.log(
      `${i + 1}. [${h.type}] ${h.title}${h.number ? ` (${h.number})` : ''} — ${h.date.slice(0, 10)}`,
    );
    console.log(`   ${h.snippet}`);
    console.log(`   ${h.url}${h.source ? `  ·  ${h.source}` : ''}  ·  điểm ${h.score}`);
  });
}

export function registerSearchCommands(program: Command): void {
  program
    .command('search')
    .description(
      'Search as the administrator of the root organisation sees it; without a query, read one query per line on stdin and write one JSON object per line',
    )
    .argument('[query]', 'the query text')
    .option('--json', 'print JSON')
    .option('--type <types>', 'news,document,meeting,resolution,guide,consultation (comma-separated)')
    .option('--level <level>', 'central, province, district, grassroots or branch')
    .option('--from <date>', 'from this date (YYYY-MM-DD)')
    .option('--to <date>', 'up to this date (YYYY-MM-DD)')
    .option('--limit <n>', 'hits per query (1-50)', '20')
    .action(async (query: string | undefined, opts: SearchOptions) => {
      const ctx = await createContext();
      try {
        await migrate(ctx);
        const view = await rootAdminView(ctx.db);
        const filters = filtersOf(opts);
        const limit = Number(opts.limit);
        const run = (q: string) => searchIndex(ctx.db, ctx.dialect, view, { q, filters, limit });
        if (query !== undefined) {
          const result = await run(query);
          if (opts.json) console.log(JSON.stringify(result, null, 2));
          else printHuman(result);
          return;
        }
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
        for await (const line of lines) {
          const result = await run(line);
          if (!process.stdout.write(`${JSON.stringify(result)}\n`)) await once(process.stdout, 'drain');
        }
      } finally {
        await closeContext(ctx);
      }
    });

  program
    .command('search-reindex')
    .description(
      'Recovery: recompute every indexed item’s search terms and full-text entry from the stored items (indexing normally happens on write)',
    )
    .action(async () => {
      const ctx = await createContext();
      try {
        await migrate(ctx);
        const n = await rebuildSearchIndex(ctx.db, (done) => process.stderr.write(`\r${done}`));
        process.stderr.write('\n');
        console.log(`Đã lập lại chỉ mục tìm kiếm cho ${n} mục.`);
      } finally {
        await closeContext(ctx);
      }
    });
}
