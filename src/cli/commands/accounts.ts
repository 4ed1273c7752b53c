import type { Command } from 'commander';
import { closeContext, createContext, migrate } from '../../app/boot.ts';
import { mutate } from '../../platform/context.ts';
import { createAccount, grantRole, resetPassword } from '../../features/accounts/service.ts';
import { findOrg } from '../../features/orgs/queries.ts';
import { isRole } from '../../platform/permissions/roles.ts';

const cli = { accountId: null, ip: null, requestId: 'cli' };

export function registerAccountCommands(program: Command): void {
  program
    .command('create-account')
    .description('Create an account with a one-time password (printed once)')
    .requiredOption('--login <login>', 'login name')
    .option('--member-card <card>', 'link to the member with this party card number')
    .option('--member-phone <phone>', 'link to the member with this phone number')
    .option('--role <role>', 'grant a role (admin, office, secretary, deputy_secretary, committee_member)')
    .option('--org <id>', 'organisation the role is granted on')
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        login: string;
        memberCard?: string;
        memberPhone?: string;
        role?: string;
        org?: string;
        json?: boolean;
      }) => {
        const ctx = await createContext();
        try {
          await migrate(ctx);
          let memberId: string | null = null;
          if (opts.memberCard || opts.memberPhone) {
            const field = opts.memberCard ? 'card_number' : 'phone';
            const m = await ctx.db
              .selectFrom('members')
              .select('id')
              .where(field, '=', (opts.memberCard ?? opts.memberPhone)!)
              .executeTakeFirst();
            if (!m) throw new Error('Không tìm thấy đảng viên.');
            memberId = m.id;
          }
          const org = opts.org ? await findOrg(ctx.db, opts.org) : null;
          if (opts.org && !org) throw new Error('Không tìm thấy tổ chức.');
          if (opts.role && opts.role !== 'member' && (!isRole(opts.role) || !org))
            throw new Error('Vai trò cần --org và phải hợp lệ.');
          const result = await mutate(ctx, cli, async (uow) => {
            const acc = await createAccount(uow, { login: opts.login, memberId });
            if (opts.role && opts.role !== 'member' && org) {
              await grantRole(uow, {
                accountId: acc.id,
                orgId: org.id,
                orgPath: org.path,
                role: opts.role,
                by: null,
              });
            }
            return acc;
          });
          if (opts.json)
            console.log(
              JSON.stringify({
                accountId: result.id,
                login: opts.login.toLowerCase(),
                oneTimePassword: result.oneTimePassword,
              }),
            );
          else console.log(`Tài khoản ${opts.login}: mật khẩu dùng một lần ${result.oneTimePassword}`);
        } catch (err) {
          console.error((err as Error).message);
          process.exitCode = 1;
        } finally {
          await closeContext(ctx);
        }
      },
    );

  program
    .command('reset-password')
    .description('Give an account a new one-time password')
    .requiredOption('--login <login>')
    .action(async (opts: { login: string }) => {
      const ctx = await createContext();
      try {
        const acc = await ctx.db
          .selectFrom('accounts')
          .select('id')
          .where('login', '=', opts.login.toLowerCase())
          .executeTakeFirst();
        if (!acc) throw new Error('Không tìm thấy tài khoản.');
        const otp = await mutate(ctx, cli, (uow) => resetPassword(uow, acc.id));
        console.log(`Mật khẩu dùng một lần mới: ${otp}`);
      } catch (err) {
        console.error((err as Error).message);
        process.exitCode = 1;
      } finally {
        await closeContext(ctx);
      }
    });
}
