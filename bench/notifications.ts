/**
 * Notifications at province scale: publishing one item to a province of ~110,000 members with accounts. Measures
 * (1) the publishing path (one bus event → one fan-out job), (2) the time until every member's inbox row and
 * every delivery job is queued, (3) delivery rates of Web Push and e-mail to local fakes speaking the real
 * protocols (a push service checking VAPID signatures, an SMTP server).
 *
 * Run: `npx tsx bench/notifications.ts [--members 110000] [--push 20000] [--email 10000]`. SQLite in a temporary
 * data directory. Results: bench/results/notifications.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/platform/config.ts';
import { closeContext, createApp, createContext, migrate } from '../src/app/boot.ts';
import { generateDataset } from '../src/demo/generate.ts';
import { runDueJobs } from '../src/platform/jobs/queue.ts';
import { setProviders } from '../src/features/notifications/config.ts';
import { deliverChunk } from '../src/features/notifications/deliver.ts';
import type { DeliverPayload } from '../src/features/notifications/fanout.ts';
import { makeSubscriber, startFakePushService, startFakeSmtp } from '../src/features/notifications/fakes.ts';
import { createEmailProvider } from '../src/features/notifications/providers/email.ts';
import { createPushProvider } from '../src/features/notifications/providers/push.ts';
import { vapidKeys } from '../src/features/notifications/vapid.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MEMBERS = arg('members', 110_000);
const PUSH = arg('push', 20_000);
const EMAIL = arg('email', 10_000);
const ms = (t: number) => Math.round(performance.now() - t);

const dataDir = mkdtempSync(join(tmpdir(), 'sotay-bench-notify-'));
const ctx = await createContext(
  loadConfig({ SOTAY_DATA_DIR: dataDir, LOG_LEVEL: 'warn', SOTAY_WEB_DIR: join(dataDir, 'none') }),
);
await migrate(ctx);
const app = await createApp(ctx); // registers the job handlers and the bus subscription
await app.ready();

let t = performance.now();
await generateDataset(ctx, { members: MEMBERS, plugins: [] });
const province = await ctx.db
  .selectFrom('orgs')
  .select(['id', 'path'])
  .where('parent_id', 'is', null)
  .executeTakeFirstOrThrow();
const accounts = (
  await ctx.db.selectFrom('accounts').select('id').where('member_id', 'is not', null).orderBy('id').execute()
).map((a) => a.id);
console.log(`dataset: ${MEMBERS} members, ${accounts.length} accounts in ${ms(t)} ms`);

// Channels: the first PUSH accounts have a push subscription, the next EMAIL accounts take e-mail only.
const push = await startFakePushService({ vapidPublicKey: (await vapidKeys(ctx.db)).publicKey });
const smtp = await startFakeSmtp();
setProviders(ctx, {
  push: createPushProvider({ vapid: await vapidKeys(ctx.db), subject: 'mailto:quantri@example.vn' }),
  email: createEmailProvider({ url: smtp.url, from: 'sotay@example.vn', maxConnections: 16 }),
  zalo: null,
  publicUrl: 'https://sotay.example.vn',
});
const subscribers = Array.from({ length: 64 }, () => makeSubscriber());
const now = new Date().toISOString();
const pushOnly = JSON.stringify({ quietHours: null });
const emailOnly = (i: number) =>
  JSON.stringify({ quietHours: null, channels: { push: false, email: true }, email: `dv${i}@example.vn` });
await ctx.db.transaction().execute(async (trx) => {
  for (let i = 0; i < PUSH + EMAIL; i += 500) {
    const ids = accounts.slice(i, Math.min(i + 500, PUSH + EMAIL));
    await trx
      .insertInto('notification_prefs')
      .values(
        ids.map((id, k) => ({
          account_id: id,
          data: i + k < PUSH ? pushOnly : emailOnly(i + k),
          digest_enabled: 0,
          digest_hour: 19,
          last_digest_at: null,
          updated_at: now,
        })),
      )
      .execute();
    const subs = ids.filter((_, k) => i + k < PUSH);
    if (subs.length)
      await trx
        .insertInto('push_subscriptions')
        .values(
          subs.map((id, k) => ({
            id,
            account_id: id,
            endpoint: `${push.url}/send/${i + k}`,
            p256dh: subscribers[k % 64]!.p256dh,
            auth: subscribers[k % 64]!.auth,
            created_at: now,
          })),
        )
        .execute();
  }
  // Everyone else has quiet hours off too, so nothing is held back by the time of day the bench runs.
  const rest = accounts.slice(PUSH + EMAIL);
  for (let i = 0; i < rest.length; i += 500) {
    await trx
      .insertInto('notification_prefs')
      .values(
        rest.slice(i, i + 500).map((id) => ({
          account_id: id,
          data: JSON.stringify({ quietHours: null, channels: { push: false } }),
          digest_enabled: 0,
          digest_hour: 19,
          last_digest_at: null,
          updated_at: now,
        })),
      )
      .execute();
  }
});

// 1. The publishing path: one event, one job.
t = performance.now();
await ctx.bus.publish({
  topic: 'news.published',
  payload: {
    title: 'Nghị quyết mới của Tỉnh ủy',
    body: 'Đọc và học tập trong mục Văn bản.',
    url: '/documents/nq-1',
    audience: [province.path],
    eventId: 'bench:1',
  },
});
let fanoutJobs = 0;
while (fanoutJobs === 0) {
  fanoutJobs = (
    await ctx.db.selectFrom('jobs').select('id').where('kind', '=', 'notifications.fanout').execute()
  ).length;
  if (fanoutJobs === 0) await new Promise((r) => setImmediate(r));
}
const publishMs = Math.round((performance.now() - t) * 10) / 10;

// 2. Fan-out through the queue until every inbox row and delivery job exists.
t = performance.now();
let cpu = process.cpuUsage();
const steps = await runDueJobs(ctx, { kinds: ['notifications.fanout'] });
const queueMs = ms(t);
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return Math.round((d.user + d.system) / 1000);
};
// CPU time of this process: on a shared, busy machine it tells what the work costs apart from waiting for a core.
const queueCpuMs = cpuMs(cpu);
const inbox = Number(
  (
    await ctx.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
const deliverRows = await ctx.db
  .selectFrom('jobs')
  .select(['id', 'payload'])
  .where('kind', '=', 'notifications.deliver')
  .where('status', '=', 'pending')
  .execute();
console.log(
  `queued ${inbox} inbox rows and ${deliverRows.length} delivery jobs in ${queueMs} ms (${steps} fan-out steps)`,
);

// 3. Delivery per channel: the delivery jobs' own code, one worker, job after job.
const byChannel = (c: string) =>
  deliverRows.map((r) => JSON.parse(r.payload) as DeliverPayload).filter((p) => p.channel === c);
async function deliver(channel: 'push' | 'email') {
  const jobs = byChannel(channel);
  const start = performance.now();
  cpu = process.cpuUsage();
  let sent = 0;
  for (const p of jobs) sent += (await deliverChunk(ctx, p)).sent;
  const seconds = (performance.now() - start) / 1000;
  // Includes the in-process fake service's own work (verifying, parsing): the sender's cost is lower.
  const cpuSeconds = cpuMs(cpu) / 1000;
  return {
    jobs: jobs.length,
    sent,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(sent / seconds),
    cpuSeconds,
    perCpuSecond: Math.round(sent / cpuSeconds),
  };
}
const pushResult = await deliver('push');
console.log(`push: ${JSON.stringify(pushResult)}; service refused ${push.rejected.length}`);
const emailResult = await deliver('email');
console.log(`email: ${JSON.stringify(emailResult)}; SMTP server received ${smtp.mails.length}`);

const result = {
  date: new Date().toISOString(),
  loadAverage: loadavg().map((l) => Math.round(l * 10) / 10),
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  db: ctx.dialect,
  members: MEMBERS,
  accounts: accounts.length,
  publishMs,
  queue: {
    ms: queueMs,
    cpuMs: queueCpuMs,
    inboxRows: inbox,
    deliveryJobs: deliverRows.length,
    fanoutSteps: steps,
    target: '≤ 5000 ms',
    met: queueMs <= 5000 && inbox === accounts.length,
  },
  push: {
    ...pushResult,
    received: push.received.length,
    refused: push.rejected.length,
    target: '≥ 1000/s',
    met: pushResult.perSecond >= 1000,
  },
  email: {
    ...emailResult,
    received: smtp.mails.length,
    target: '≥ 1000/s',
    met: emailResult.perSecond >= 1000,
  },
};
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/notifications.json', import.meta.url),
  JSON.stringify(result, null, 2) + '\n',
);
console.log(JSON.stringify(result, null, 2));
await push.close();
await smtp.close();
await app.close();
await closeContext(ctx);
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
