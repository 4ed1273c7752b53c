import type { FastifyInstance } from 'fastify';

// The web app loads only its own scripts and styles; audio and images from the same origin.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const COMMON: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=()',
};

/**
 * Security headers and the request id on every answer. One synchronous hook with the headers worked out once:
 * it runs on every request, so it allocates no promise and re-derives nothing per answer.
 */
export function installSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  const base = opts.hsts
    ? { ...COMMON, 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
    : COMMON;
  const withCsp = { ...base, 'content-security-policy': CSP };
  app.addHook('onSend', (req, reply, payload, done) => {
    const url = req.url;
    reply.headers(url.startsWith('/api/docs') ? base : withCsp);
    reply.header('x-request-id', String(req.id));
    if (url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
