import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeContext, createContext, migrate } from '../../src/app/boot.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { mutate } from '../../src/platform/context.ts';
import type { AudienceView } from '../../src/platform/permissions/check.ts';
import { createOrg } from '../../src/features/orgs/service.ts';
import { indexSearchItem } from '../../src/features/search/index-writer.ts';
import { paragraphsOf } from '../../src/features/documents/paragraphs.ts';
import { rootAdminView } from '../../src/cli/search.ts';
import { generatedItem } from '../search-corpus.ts';

const BATCH = 500;

export interface IndexedCorpus {
  ctx: AppContext;
  dataDir: string;
  /** The root administrator's view: every generated item is published to the province. */
  view: AudienceView;
  items: number;
  passages: number;
  indexSeconds: number;
  indexCpuSeconds: number;
  peakRss: number;
  close(keep: boolean): Promise<void>;
}

/**
 * A fresh SQLite database holding generated Vietnamese items indexed through indexSearchItem, 500 per transaction,
 * until `items` items or, when `passages` is given, until the items hold that many paragraphs.
 */
export async function indexedCorpus(limit: { items?: number; passages?: number }): Promise<IndexedCorpus> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sotay-bench-corpus-'));
  const ctx = await createContext(loadConfig({ SOTAY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  await migrate(ctx);
  const root = await mutate(ctx, { accountId: null, ip: null, requestId: 'bench' }, (uow) =>
    createOrg(uow, { parentId: null, name: 'Đảng bộ tỉnh Thái Bình', type: 'province_committee' }),
  );
  const done = (items: number, passages: number) =>
    limit.passages !== undefined ? passages >= limit.passages : items >= (limit.items ?? 0);
  let peakRss = process.memoryUsage().rss;
  let items = 0;
  let passages = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  while (!done(items, passages)) {
    await ctx.db.transaction().execute(async (trx) => {
      for (let k = 0; k < BATCH && !done(items, passages); k++, items++) {
        const item = generatedItem(1, items, [root.path]);
        passages += paragraphsOf(item.body).length;
        await indexSearchItem(trx, item);
      }
    });
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (items % 10_000 === 0) process.stderr.write(`\rindexed ${items} items, ${passages} passages`);
  }
  const indexSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  process.stderr.write(`\rindexed ${items} items, ${passages} passages in ${indexSeconds.toFixed(1)} s\n`);
  return {
    ctx,
    dataDir,
    view: await rootAdminView(ctx.db),
    items,
    passages,
    indexSeconds,
    indexCpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRss,
    async close(keep) {
      await closeContext(ctx);
      if (keep) console.error(`kept ${dataDir}`);
      else fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Wall and CPU time of one awaited call, in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  const value = await fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}
