import type {
  FastifyInstance,
  FastifyBaseLogger,
  RawServerDefault,
  RawRequestDefaultExpression,
} from 'fastify';
import type { RawReplyDefaultExpression } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Migration } from 'kysely';
import type { Permission } from '../permissions/roles.ts';
import type { Principal } from '../permissions/check.ts';
import type { AccountInfo } from '../auth/principal.ts';
import type { AppContext } from '../context.ts';
import type { SecondFactorState } from '../auth/totp-gate.ts';

/**
 * Who may call a route: `public`, any signed-in account (`authenticated`), a signed-in account that still has
 * to change its one-time password (`session`), or a permission held on at least one subtree (the handler then
 * checks the permission on the target's own organisation).
 */
export type Access = 'public' | 'authenticated' | 'session' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** The route is part of two-factor sign-in: open to a session still waiting for its second step. */
    secondFactorStep?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    account: AccountInfo | null;
    sessionId: string | null;
    /** Set while the session still has to pass (or enrol) its second factor. */
    secondFactor: SecondFactorState | null;
  }
}

export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** A capability: its migrations, its routes and its start-up work. */
export interface Feature {
  name: string;
  migrations?: Record<string, Migration>;
  routes?: (api: Api, ctx: AppContext) => void | Promise<void>;
  /** Background work started with the server (job workers, subscribers); returns a stopper. */
  start?: (ctx: AppContext) => (() => Promise<void>) | void;
}
