import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE, authenticate } from '../auth/sessions.ts';
import { PrincipalCache, stampReader } from '../auth/principal-cache.ts';
import { scopesFor } from '../permissions/check.ts';
import { PERMISSIONS, type Permission } from '../permissions/roles.ts';
import type { AppContext } from '../context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CLIENT_HEADER = 'x-sotay-client';

const SECOND_FACTOR_VI = {
  verify: 'Nhập mã từ ứng dụng xác thực hoặc một mã dự phòng.',
  enrol: 'Tài khoản của bạn cần bật xác thực hai bước trước khi tiếp tục.',
};

function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * Authenticates every request from its session cookie and enforces the route's declared access. Every API
 * route must declare `config.access`; a route without one fails at start-up, so nothing is open by accident.
 */
export interface RouteEntry {
  method: string;
  url: string;
  access: string;
}

function enforceAccess(req: FastifyRequest): void {
  const access = req.routeOptions.config?.access;
  if (!access || access === 'public') return;
  if (!req.principal || !req.account) throw new AppError('AUTH_REQUIRED');
  // A password alone opens nothing but the second step when the account has (or must have) two-factor.
  if (req.secondFactor && !req.routeOptions.config.secondFactorStep) {
    throw new AppError('AUTH_SECOND_FACTOR_REQUIRED', {
      details: [{ code: req.secondFactor, message: SECOND_FACTOR_VI[req.secondFactor] }],
    });
  }
  if (access === 'session') return;
  if (req.account.mustChangePassword) throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
  if (access === 'authenticated') return;
  if (scopesFor(req.principal, access).length === 0) throw new AppError('FORBIDDEN');
}

export function installAccessControl(app: FastifyInstance, ctx: AppContext): RouteEntry[] {
  const table: RouteEntry[] = [];
  // Session → principal for this server; see principal-cache.ts for why it cannot serve a stale principal.
  const principals = new PrincipalCache();
  const readStamp = stampReader(ctx.database);
  app.decorateRequest('principal', null);
  app.decorateRequest('account', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('secondFactor', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const access = (route.config as { access?: string } | undefined)?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    if (!['public', 'authenticated', 'session'].includes(access) && !isPermission(access)) {
      throw new Error(`route ${route.method} ${route.url} declares unknown access ${access}`);
    }
    for (const method of [route.method].flat())
      if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });

  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/v1/')) return;
    // Cross-site forms cannot set a custom header, so requiring it on every change stops CSRF.
    if (!SAFE_METHODS.has(req.method) && req.headers[CLIENT_HEADER] === undefined) {
      throw new AppError('CSRF_REJECTED');
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const auth = await authenticate(ctx.db, principals, readStamp, token);
      if (auth) {
        req.principal = auth.principal;
        req.account = auth.account;
        req.sessionId = auth.sessionId;
        req.secondFactor = auth.secondFactor;
      }
    }
    // Decided here, before the body is parsed or validated: a caller without access learns nothing about the
    // route's input and never makes the server parse a body for nothing.
    enforceAccess(req);
  });

  return table;
}
