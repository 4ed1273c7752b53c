/**
 * Notifications at province scale: publishing one item to a province of ~110,000 members with accounts. Measures
 * (1) the publishing path (one bus event → one fan-out job), (2) the time until every member's inbox row and
 * every delivery job is queued, (3) delivery rates of Web Push and e-mail to local fakes speaking the real
 * protocols (a push service checking every VAPID signature and decrypting every aes128gcm payload, an SMTP
 * server checking every message's recipient header). The fakes run in a child process of their own (this file
 * with `--fakes`), so the measured process is the sender alone and the fakes' work does not share its event loop;
 * the CPU time of both is reported.
 *
 * Run: `npx tsx bench/notifications.ts [--members 110000] [--push 20000] [--email 10000] [--jobs 4]`
 * (`--jobs`: delivery jobs run at the same time, as the worker's SOTAY_JOBS_CONCURRENCY, default 4). SQLite in a
 * temporary data directory. Results: bench/results/notifications.json.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/platform/config.ts';
import { closeContext, createApp, createContext, migrate } from '../src/app/boot.ts';
import { generateDataset } from '../src/demo/generate.ts';
import { runDueJobs } from '../src/platform/jobs/queue.ts';
import { setProviders } from '../src/features/notifications/config.ts';
import { deliverChunk } from '../src/features/notifications/deliver.ts';
import type { DeliverPayload } from '../src/features/notifications/fanout.ts';
import {
  makeSubscriber,
  startFakePushService,
  startFakeSmtp,
  type FakePushService,
  type FakeSmtp,
} from '../src/features/notifications/fakes.ts';
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
const JOBS = arg('jobs', 4);
const ms = (t: number) => Math.round(performance.now() - t);

async function main(): Promise<void> {
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
    await ctx.db
      .selectFrom('accounts')
      .select('id')
      .where('member_id', 'is not', null)
      .orderBy('id')
      .execute()
  ).map((a) => a.id);
  console.log(`dataset: ${MEMBERS} members, ${accounts.length} accounts in ${ms(t)} ms`);

  // Channels: the first PUSH accounts have a push subscription, the next EMAIL accounts take e-mail only.
  const fakes = await startFakes((await vapidKeys(ctx.db)).publicKey, PUSH);
  setProviders(ctx, {
    push: createPushProvider({ vapid: await vapidKeys(ctx.db), subject: 'mailto:quantri@example.vn' }),
    email: createEmailProvider({ url: fakes.smtpUrl, from: 'sotay@example.vn', maxConnections: 16 }),
    zalo: null,
    publicUrl: 'https://sotay.example.vn',
  });
  const subscribers = fakes.subscribers;
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
              endpoint: `${fakes.pushUrl}/send/${i + k}`,
              p256dh: subscribers[(i + k) % subscribers.length]!.p256dh,
              auth: subscribers[(i + k) % subscribers.length]!.auth,
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

  // 3. Delivery per channel: the delivery jobs' own code, JOBS jobs at a time as the queue's worker runs them.
  const byChannel = (c: string) =>
    deliverRows.map((r) => JSON.parse(r.payload) as DeliverPayload).filter((p) => p.channel === c);
  async function deliver(channel: 'push' | 'email') {
    const jobs = byChannel(channel);
    const fakesBefore = await fakes.stats();
    const start = performance.now();
    cpu = process.cpuUsage();
    let sent = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: JOBS }, async () => {
        while (next < jobs.length) {
          const done = await deliverChunk(ctx, jobs[next++]!);
          sent += done.sent;
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    // The sender's CPU time alone; the fakes' (verifying, decrypting, parsing) is measured in their own process.
    const cpuSeconds = cpuMs(cpu) / 1000;
    const fakesAfter = await fakes.stats();
    return {
      jobs: jobs.length,
      jobsAtOnce: JOBS,
      sent,
      seconds: Math.round(seconds * 100) / 100,
      perSecond: Math.round(sent / seconds),
      cpuSeconds,
      perCpuSecond: Math.round(sent / cpuSeconds),
      fakeCpuSeconds: (fakesAfter.cpuMs - fakesBefore.cpuMs) / 1000,
    };
  }
  const loadBefore = loadavg();
  const pushResult = await deliver('push');
  const emailResult = await deliver('email');
  const seen = await fakes.stats();
  console.log(`push: ${JSON.stringify(pushResult)}; service refused ${seen.refused}`);
  console.log(`email: ${JSON.stringify(emailResult)}; SMTP server received ${seen.mails}`);

  const round1 = (l: number[]) => l.map((x) => Math.round(x * 10) / 10);
  const result = {
    date: new Date().toISOString(),
    loadAverage: { beforeDelivery: round1(loadBefore), atEnd: round1(loadavg()) },
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
      received: seen.received,
      decrypted: seen.decrypted,
      refused: seen.refused,
      refusedSample: seen.refusedSample,
      target: '≥ 1000/s',
      met: pushResult.perSecond >= 1000 && seen.decrypted === PUSH && seen.refused === 0,
    },
    email: {
      ...emailResult,
      received: seen.mails,
      checked: seen.mailsChecked,
      target: '≥ 1000/s',
      met: emailResult.perSecond >= 1000 && seen.mailsChecked === EMAIL,
    },
  };
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/notifications.json', import.meta.url),
    JSON.stringify(result, null, 2) + '\n',
  );
  console.log(JSON.stringify(result, null, 2));
  await fakes.stop();
  await app.close();
  await closeContext(ctx);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

// The fakes' process: a push service and an SMTP server, answering the bench process over IPC.
type ToFakes = { type: 'start'; vapidPublicKey: string; push: number } | { type: 'stats' } | { type: 'stop' };
interface FakeStats {
  received: number;
  decrypted: number;
  refused: number;
  refusedSample: string[];
  mails: number;
  mailsChecked: number;
  cpuMs: number;
}
type FromFakes =
  | { type: 'ready'; pushUrl: string; smtpUrl: string; subscribers: Array<{ p256dh: string; auth: string }> }
  | ({ type: 'stats' } & FakeStats);

async function serveFakes(): Promise<void> {
  const send = (m: FromFakes) => process.send!(m);
  let push: FakePushService | null = null;
  let smtp: FakeSmtp | null = null;
  let checked = 0;
  // The bench process ended (or crashed): so do the fakes.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: ToFakes) => {
    void (async () => {
      if (m.type === 'start') {
        push = await startFakePushService({ vapidPublicKey: m.vapidPublicKey });
        smtp = await startFakeSmtp();
        const subscribers = Array.from({ length: 64 }, () => makeSubscriber());
        for (let i = 0; i < m.push; i++)
          push.subscribers.set(`/send/${i}`, subscribers[i % subscribers.length]!);
        send({
          type: 'ready',
          pushUrl: push.url,
          smtpUrl: smtp.url,
          subscribers: subscribers.map((s) => ({ p256dh: s.p256dh, auth: s.auth })),
        });
      } else if (m.type === 'stats') {
        // Every mail must carry its recipient in the To header, a subject and the link.
        const mails = smtp?.mails ?? [];
        for (; checked < mails.length; checked++) {
          const mail = mails[checked]!;
          const to = /^To: (.*)$/m.exec(mail.raw)?.[1] ?? '';
          if (mail.to.length !== 1 || !to.includes(mail.to[0]!) || !/^Subject: \S/m.test(mail.raw)) break;
          if (!mail.raw.replace(/=\r\n/g, '').includes('https://sotay.example.vn/documents/nq-1')) break;
        }
        const c = process.cpuUsage();
        send({
          type: 'stats',
          received: push?.received.length ?? 0,
          decrypted: push?.received.filter((r) => r.payload !== null).length ?? 0,
          refused: push?.rejected.length ?? 0,
          refusedSample: push?.rejected.slice(0, 5) ?? [],
          mails: mails.length,
          mailsChecked: checked,
          cpuMs: Math.round((c.user + c.system) / 1000),
        });
      } else {
        await push?.close();
        await smtp?.close();
        process.exit(0);
      }
    })();
  });
}

/** Starts the fakes' process and waits until both services listen. */
async function startFakes(vapidPublicKey: string, pushCount: number) {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--fakes'], { stdio: 'inherit' });
  const next = <T extends FromFakes['type']>(type: T) =>
    new Promise<Extract<FromFakes, { type: T }>>((resolve) => {
      const on = (m: FromFakes) => {
        if (m.type !== type) return;
        child.off('message', on);
        resolve(m as Extract<FromFakes, { type: T }>);
      };
      child.on('message', on);
    });
  const ready = next('ready');
  child.send({ type: 'start', vapidPublicKey, push: pushCount } satisfies ToFakes);
  const r = await ready;
  return {
    pushUrl: r.pushUrl,
    smtpUrl: r.smtpUrl,
    subscribers: r.subscribers,
    async stats(): Promise<FakeStats> {
      const answer = next('stats');
      child.send({ type: 'stats' } satisfies ToFakes);
      return answer;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ToFakes);
      await exited;
    },
  };
}

if (args.includes('--fakes')) await serveFakes();
else await main();
