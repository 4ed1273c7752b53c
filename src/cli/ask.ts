import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { closeContext, createContext, migrate } from '../app/boot.ts';
import { ask, type AskResult } from '../features/assistant/service.ts';
import { rootAdminView } from './search.ts';

function printHuman(r: AskResult): void {
  if (r.truncated) console.log('(Câu hỏi quá dài, đã cắt bớt.)');
  console.log(r.answer);
  for (const c of r.citations) console.log(`  — ${c.title}${c.source ? ` (${c.source})` : ''}: ${c.url}`);
  for (const c of r.closest) console.log(`  · ${c.title}: ${c.url}`);
}

export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description(
      'Ask the assistant as the administrator of the root organisation sees it; without a question, read one question per line on stdin and write one JSON object per line',
    )
    .argument('[question]', 'the question')
    .option('--json', 'print JSON')
    .action(async (question: string | undefined, opts: { json?: boolean }) => {
      const ctx = await createContext();
      try {
        await migrate(ctx);
        const view = await rootAdminView(ctx.db);
        if (question !== undefined) {
          const result = await ask(ctx, view, { question });
          if (opts.json) console.log(JSON.stringify(result, null, 2));
          else printHuman(result);
          return;
        }
        const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
        for await (const line of lines) {
          if (!line.trim()) continue;
          const result = await ask(ctx, view, { question: line });
          if (!process.stdout.write(`${JSON.stringify(result)}\n`)) await once(process.stdout, 'drain');
        }
      } finally {
        await closeContext(ctx);
      }
    });
}
