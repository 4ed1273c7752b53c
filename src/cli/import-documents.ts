import type { Command } from 'commander';
import { closeContext, createContext, migrate } from '../app/boot.ts';
import { loadConfig } from '../platform/config.ts';
import { fileStoreOf } from '../features/documents/file-store.ts';
import { importDirectory } from '../features/documents/import-dir.ts';

function progressBar(done: number, total: number, file: string): string {
  const width = 24;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${file}`.slice(0, 100);
}

/** `sotay import-documents --dir DIR [--org ID]` */
export function registerImportDocuments(program: Command): void {
  program
    .command('import-documents')
    .description(
      'Nhập mọi tệp .txt, .md, .docx, .pdf trong thư mục thành văn bản đăng cho toàn bộ tổ chức (mặc định: tổ chức gốc)',
    )
    .requiredOption('--dir <dir>', 'thư mục chứa tệp')
    .option('--org <id>', 'mã tổ chức đăng văn bản')
    .action(async (opts: { dir: string; org?: string }) => {
      const ctx = await createContext(loadConfig());
      const tty = process.stderr.isTTY;
      try {
        await migrate(ctx);
        const report = await importDirectory(
          ctx,
          {
            dir: opts.dir,
            orgId: opts.org,
            onFile: (done, total, file) => {
              const line = progressBar(done, total, file);
              process.stderr.write(tty ? `\r\x1b[K${line}` : `${line}\n`);
            },
          },
          fileStoreOf(ctx),
        );
        if (tty) process.stderr.write('\n');
        console.log(`Đã nhập ${report.imported.length} văn bản.`);
        for (const f of report.imported) console.log(`  ✓ ${f.file} → ${f.title}`);
        if (report.noText.length) {
          console.log(`Đã lưu nhưng không trích xuất được văn bản: ${report.noText.length} tệp.`);
          for (const f of report.noText) console.log(`  ! ${f.file}: ${f.reason}`);
        }
        if (report.skipped.length) {
          console.log(`Bỏ qua ${report.skipped.length} tệp.`);
          for (const f of report.skipped) console.log(`  - ${f.file}: ${f.reason}`);
        }
        if (report.failed.length) {
          console.error(`Không đọc được ${report.failed.length} tệp:`);
          for (const f of report.failed) console.error(`  ✗ ${f.file}: ${f.reason}`);
          process.exitCode = 1;
        }
      } finally {
        await closeContext(ctx);
      }
    });
}
