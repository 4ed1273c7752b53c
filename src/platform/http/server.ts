import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requestId } from '../ids.ts';
import { AppError } from '../errors.ts';
import type { AppContext } from '../context.ts';
import { errorHandler, localisedBody } from './error-handler.ts';
import { installAccessControl, type RouteEntry } from './access.ts';
import { installSecurityHeaders } from './security-headers.ts';
import type { Api, Feature } from './types.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access, for the authorisation tests and the docs. */
    routeTable: RouteEntry[];
  }
}

export async function buildServer(ctx: AppContext, features: Feature[]): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as unknown as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : requestId();
    },
    trustProxy: process.env.SOTAY_TRUST_PROXY === '1',
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
    // Errors raised while routing (an id longer than any real one, a malformed URL) get the standard shape too.
    frameworkErrors: (err, req, reply) => {
      const code = (err as { code?: string }).code;
      const mapped = new AppError(code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'NOT_FOUND' : 'VALIDATION_FAILED');
      void (reply as unknown as FastifyReply).status(mapped.status).send(localisedBody(mapped, req));
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: ctx.config.maxUploadBytes, files: 5, fields: 20, parts: 25 },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Sổ tay Đảng viên API',
        version: '1',
        description: 'API của Sổ tay đảng viên điện tử. Mọi thao tác ghi cần header X-Sotay-Client.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sotay_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installSecurityHeaders(app, { hsts: ctx.config.secureCookies });
  const routeTable = installAccessControl(app, ctx);
  app.decorate('routeTable', routeTable);

  app.get('/api/health', { schema: { hide: true } }, async () => {
    const started = Date.now();
    await ctx.db.selectFrom('org_types').select('code').limit(1).execute();
    return { status: 'ok', db: ctx.dialect, dbMs: Date.now() - started };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const feature of features) {
    if (!feature.routes) continue;
    await app.register(async (scope) => {
      await feature.routes?.(scope as unknown as Api, ctx);
    });
  }

  const index = path.join(ctx.config.webDir, 'index.html');
  const hasWeb = fs.existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: ctx.config.webDir,
      wildcard: false,
      setHeaders: (res, file: string) => {
        // Hashed assets never change; the shell and the service worker must always be revalidated.
        if (file.includes(`${path.sep}assets${path.sep}`)) {
          void res.header('Cache-Control', 'public, max-age=31536000, immutable');
        } else void res.header('Cache-Control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // A missing hashed asset must 404: answering the app shell would be cached as JavaScript or CSS.
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || !hasWeb || req.method !== 'GET') {
      void reply.status(404).send(localisedBody(new AppError('ROUTE_NOT_FOUND'), req));
      return;
    }
    void reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app as unknown as FastifyInstance;
}
