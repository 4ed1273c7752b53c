import { Type } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import type { Api } from '../http/types.ts';
import { principalOf } from '../http/request.ts';
import { INSTANCE_ID } from '../jobs/instance.ts';
import { requireSystemAdmin } from './system-access.ts';

const HEARTBEAT_MS = 25_000;

/**
 * Bus diagnostics for administrators: publish a probe from one process and watch it arrive on another
 * (the same path live meeting steps take between processes). Only `system.*` topics are streamed.
 */
export function systemEventRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/system/events/probe',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['Hệ thống'],
        summary: 'Gửi một sự kiện thử qua kênh sự kiện giữa các tiến trình',
        body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Type.Object({ topic: Type.String(), from: Type.String(), at: Type.String() }) },
      },
    },
    async (req) => {
      requireSystemAdmin(principalOf(req));
      const at = new Date().toISOString();
      const payload = { from: INSTANCE_ID, at, note: req.body.note ?? '' };
      await ctx.bus.publish({ topic: 'system.probe', payload });
      return { topic: 'system.probe', from: INSTANCE_ID, at };
    },
  );

  api.get(
    '/api/v1/system/events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['Hệ thống'],
        summary: 'Luồng sự kiện hệ thống (text/event-stream) nhận được ở tiến trình này',
        produces: ['text/event-stream'],
      },
    },
    async (req, reply) => {
      requireSystemAdmin(principalOf(req));
      const res = reply.hijack().raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx: do not buffer this response (see deploy/nginx.conf).
        'x-accel-buffering': 'no',
      });
      res.write(`event: ready\ndata: ${JSON.stringify({ instance: INSTANCE_ID })}\n\n`);
      const off = ctx.bus.subscribe('system.*', (event) => {
        res.write(`event: ${event.topic}\ndata: ${JSON.stringify(event.payload)}\n\n`);
      });
      const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      req.raw.on('close', () => {
        clearInterval(beat);
        off();
      });
    },
  );
}
