import type { FastifyInstance } from 'fastify';
import type { Client } from '../../../test/support/test-app.ts';

/** Sends one file as multipart/form-data the way a browser form does. */
export function uploadFile(
  app: FastifyInstance,
  c: Client,
  url: string,
  name: string,
  bytes: Uint8Array,
  fields: Record<string, string> = {},
) {
  const boundary = '----sotay' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: c.cookie,
      'x-sotay-client': 'test',
    },
    payload: Buffer.concat(parts),
  });
}
