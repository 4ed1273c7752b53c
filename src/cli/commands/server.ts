import type { Command } from 'commander';
import { loadConfig } from '../../platform/config.ts';
import { closeContext, createContext, migrate, serve } from '../../app/boot.ts';
import { resetDatabase, seedDemo } from '../../demo/seed-demo.ts';
import { DEMO_HOOKS } from '../../app/demo-hooks.ts';

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the server (PORT, default 3000; SOTAY_DATA_DIR, default ./data)')
    .action(async () => {
      const config = loadConfig();
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
}
