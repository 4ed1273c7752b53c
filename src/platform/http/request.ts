import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { Principal } from '../permissions/check.ts';
import type { AuditActor } from '../audit/audit.ts';

/** The signed-in principal; the access hook has already refused anonymous calls to non-public routes. */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw new AppError('AUTH_REQUIRED');
  return req.principal;
}

export function actorOf(req: FastifyRequest): AuditActor {
  return { accountId: req.principal?.accountId ?? null, ip: req.ip, requestId: String(req.id) };
}
