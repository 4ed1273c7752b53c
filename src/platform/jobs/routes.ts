import { Type } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import type { Api } from '../http/types.ts';
import { principalOf } from '../http/request.ts';
import { requireSystemAdmin } from '../events/system-access.ts';
import { enqueueJob } from './queue.ts';
import { PROBE_JOB } from './probe.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** Job queue diagnostics for administrators: counts, dead letters, and a probe job that records who ran it. */
export function systemJobRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/system/jobs',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['Hệ thống'],
        summary: 'Hàng đợi công việc nền: số lượng theo trạng thái và các công việc hỏng',
        response: {
          200: Type.Object({
            counts: Type.Record(Type.String(), Type.Integer()),
            dead: Type.Array(
              Type.Object({
                id: Type.Integer(),
                kind: Type.String(),
                attempts: Type.Integer(),
                lastError: Nullable(Type.String()),
                finishedAt: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      requireSystemAdmin(principalOf(req));
      const counts = await ctx.db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .execute();
      const dead = await ctx.db
        .selectFrom('jobs')
        .select(['id', 'kind', 'attempts', 'last_error', 'finished_at'])
        .where('status', '=', 'dead')
        .orderBy('id', 'desc')
        .limit(50)
        .execute();
      return {
        counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
        dead: dead.map((d) => ({
          id: d.id,
          kind: d.kind,
          attempts: d.attempts,
          lastError: d.last_error?.split('\n')[0] ?? null,
          finishedAt: d.finished_at,
        })),
      };
    },
  );

  api.post(
    '/api/v1/system/jobs/probe',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['Hệ thống'],
        summary: 'Đưa một công việc thử vào hàng đợi; tiến trình chạy nó ghi vào nhật ký',
        body: Type.Object({}),
        response: { 202: Type.Object({ jobId: Type.Integer() }) },
      },
    },
    async (req, reply) => {
      requireSystemAdmin(principalOf(req));
      const jobId = await enqueueJob(ctx.db, {
        kind: PROBE_JOB,
        payload: { requestedBy: principalOf(req).accountId },
        maxAttempts: 1,
      });
      return reply.status(202).send({ jobId: jobId! });
    },
  );
}
