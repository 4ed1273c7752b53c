import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { closeContext, createContext, migrate, serve } from '../../app/boot.ts';
import { tuneHeapForServing } from '../heap.ts';

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the server (PORT, default 3000; SOTAY_DATA_DIR, default ./data)')
    .action(async () => {
      const config = loadConfig();
      tuneHeapForServing();
      await serve(config);
      console.log(`Sổ tay đang chạy tại http://localhost:${config.port}`);
    });

  program
    .command('migrate')
    .description('Apply database migrations')
    .action(async () => {
      const ctx = await createContext();
      const applied = await migrate(ctx);
      console.log(
        applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.',
      );
      await closeContext(ctx);
    });

  program
    .command('seed-demo')
    .description('Create the demo province (Thái Bình) with demo accounts')
    .option('--reset', 'empty the database first')
    .action(async (opts: { reset?: boolean }) => {
      const started = Date.now();
      const ctx = await createContext(loadConfig());
      try {
        // Demo and generator code (and the document libraries they use) load only for these commands, never
        // in a serving process.
        const { resetDatabase, seedDemo } = await import('../../demo/seed-demo.ts');
        const { DEMO_HOOKS } = await import('../../app/demo-hooks.ts');
        if (opts.reset) await resetDatabase(ctx);
        await migrate(ctx);
        const existing = await ctx.db.selectFrom('orgs').select('id').limit(1).execute();
        if (existing.length > 0) {
          console.error('Cơ sở dữ liệu đã có dữ liệu. Dùng --reset để tạo lại dữ liệu mẫu.');
          process.exitCode = 1;
          return;
        }
        const refs = await seedDemo(ctx, DEMO_HOOKS);
        console.log(
          `Đã tạo dữ liệu mẫu: ${refs.branches.length} chi bộ trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
        );
        console.log('Tài khoản mẫu: admin, tinhuy, dangu, bithu, dangvien, dangvienxa');
      } finally {
        await closeContext(ctx);
      }
    });

  program
    .command('generate')
    .description('Generate a large synthetic dataset (province: 110000 members, country: 5600000)')
    .requiredOption('--members <n>', 'number of members', (v) => Number.parseInt(v, 10))
    .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 42)
    .option(
      '--plugins <list>',
      'parts after members and accounts: all, none, or a list of news-documents, meetings, reports, supervision',
      'all',
    )
    .action(async (opts: { members: number; seed: number; plugins: string }) => {
      if (!Number.isInteger(opts.members) || opts.members < 1 || opts.members > 10_000_000) {
        console.error('--members phải là số nguyên từ 1 đến 10.000.000');
        process.exitCode = 2;
        return;
      }
      const { selectPlugins } = await import('../../demo/plugins.ts');
      let plugins;
      try {
        plugins = selectPlugins(opts.plugins);
      } catch (e) {
        console.error(`--plugins không hợp lệ: ${(e as Error).message}`);
        process.exitCode = 2;
        return;
      }
      const ctx = await createContext(loadConfig());
      const started = Date.now();
      let last = 0;
      // Members first, then each part of the dataset with its own progress bar (organisations done).
      let part = 'đảng viên';
      let partStarted = started;
      const endPart = () =>
        process.stderr.write(` — ${((Date.now() - partStarted) / 1000).toFixed(1)} giây\n`);
      try {
        await migrate(ctx);
        const { generateDataset } = await import('../../demo/generate.ts');
        const result = await generateDataset(ctx, {
          members: opts.members,
          seed: opts.seed,
          plugins,
          onPart: (name) => {
            endPart();
            part = name;
            partStarted = Date.now();
            last = 0;
          },
          onProgress: (done, total) => {
            if (Date.now() - last < 200 && done < total) return;
            last = Date.now();
            const pct = Math.min(100, Math.floor((done / Math.max(1, total)) * 100));
            const bar = '#'.repeat(Math.floor(pct / 4)).padEnd(25, '.');
            process.stderr.write(
              `\r[${bar}] ${pct}% ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} ${part}`,
            );
          },
        });
        endPart();
        console.log(
          `Đã tạo ${result.orgs} tổ chức và ${result.members} đảng viên trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
        );
        const { orgs: _orgs, members: _members, ...parts } = result;
        for (const [name, n] of Object.entries(parts)) console.log(`  ${name}: ${n.toLocaleString('vi-VN')}`);
      } finally {
        await closeContext(ctx);
      }
    });
}
