import { Command } from 'commander';
import { loadConfig, ConfigError } from '../platform/config.ts';
import { registerServerCommands } from './commands/server.ts';
import { registerAccountCommands } from './commands/accounts.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerNormalize } from './commands/normalize.ts';
import { registerBackupCommand } from './backup.ts';
import { registerRestoreCommand } from './restore.ts';
import { registerSearchCommands } from './search.ts';
import { registerAskCommand } from './ask.ts';
import { registerImportDocuments } from './import-documents.ts';

const program = new Command();
program
  .name('sotay')
  .description('Sổ tay Đảng viên — lệnh quản trị (administration commands)')
  .showHelpAfterError()
  .hook('preAction', () => {
    try {
      loadConfig();
    } catch (err) {
      if (err instanceof ConfigError) {
        console.error(`Cấu hình không hợp lệ: ${err.message}`);
        process.exit(2);
      }
      throw err;
    }
  });

registerServerCommands(program);
registerAccountCommands(program);
registerAuditCommands(program);
registerNormalize(program);
registerBackupCommand(program);
registerRestoreCommand(program);
registerSearchCommands(program);
registerAskCommand(program);
registerImportDocuments(program);

await program.parseAsync(process.argv);
