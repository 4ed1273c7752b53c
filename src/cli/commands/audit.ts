import type { Command } from 'commander';
import { closeContext, createContext } from '../../app/boot.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Audit log tools');
  audit
    .command('verify')
    .description('Check the hash chain of the audit log; exits 1 when a record was altered or removed')
    .action(async () => {
      const ctx = await createContext();
      try {
        const r = await verifyAuditChain(ctx.db);
        if (r.ok) console.log(`Nhật ký toàn vẹn: đã kiểm tra ${r.checked} bản ghi.`);
        else {
          console.error(
            `Nhật ký bị thay đổi tại bản ghi số ${r.firstBadSeq} (${r.reason}); ${r.checked} bản ghi trước đó hợp lệ.`,
          );
          process.exitCode = 1;
        }
      } finally {
        await closeContext(ctx);
      }
    });
}
