// A small in-memory S3 server for tests. It checks AWS Signature Version 4 the way S3 does for header-signed
// requests: canonical request, string to sign, derived signing key, payload hash, credential scope and clock skew.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeS3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  bucket: string;
}

interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

export interface SignedRequestParts {
  method: string;
  /** Path and query exactly as sent on the wire. */
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  signedHeaders: string[];
  payloadHash: string;
  amzDate: string;
  scope: string;
  secretAccessKey: string;
  region: string;
}

const UNSIGNED = 'UNSIGNED-PAYLOAD';
const MAX_SKEW_MS = 15 * 60 * 1000;

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** RFC 3986 encoding as SigV4 specifies it: everything but unreserved characters is percent-encoded. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function canonicalUri(path: string): string {
  // S3 does not normalise the path: each segment is decoded once and encoded once.
  return path
    .split('/')
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join('/');
}

function canonicalQuery(query: string): string {
  if (!query) return '';
  return query
    .split('&')
    .filter((p) => p !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const k = eq < 0 ? pair : pair.slice(0, eq);
      const v = eq < 0 ? '' : pair.slice(eq + 1);
      return [uriEncode(decodeURIComponent(k)), uriEncode(decodeURIComponent(v))] as const;
    })
    .sort(([k1, v1], [k2, v2]) => (k1 < k2 ? -1 : k1 > k2 ? 1 : v1 < v2 ? -1 : v1 > v2 ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function headerValue(value: string | string[] | undefined): string {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

/** The hex signature S3 expects for a request. Exported so it can be checked against AWS's published example. */
export function expectedSignature(parts: SignedRequestParts): string {
  const [path = '', query = ''] = parts.rawUrl.split('?', 2);
  const canonicalRequest = [
    parts.method,
    canonicalUri(path),
    canonicalQuery(query),
    parts.signedHeaders.map((h) => `${h}:${headerValue(parts.headers[h])}\n`).join(''),
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', parts.amzDate, parts.scope, sha256(canonicalRequest)].join('\n');
  const date = parts.scope.split('/')[0] ?? '';
  const kDate = hmac(`AWS4${parts.secretAccessKey}`, date);
  const kRegion = hmac(kDate, parts.region);
  const kService = hmac(kRegion, 's3');
  const kSigning = hmac(kService, 'aws4_request');
  return createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
}

function parseAmzDate(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

export class FakeS3 {
  readonly objects = new Map<string, StoredObject>();
  /** Every request that reached the server, with the outcome of the signature check. */
  readonly log: Array<{ method: string; url: string; status: number; signedHeaders: string[] }> = [];
  private server: Server | null = null;
  private readonly creds: FakeS3Credentials;

  constructor(creds: FakeS3Credentials) {
    this.creds = creds;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.server?.close((err) => (err ? reject(err) : resolve())),
    );
  }

  private reply(res: ServerResponse, status: number, code?: string, headOnly = false): void {
    res.statusCode = status;
    if (code && !headOnly) {
      res.setHeader('Content-Type', 'application/xml');
      res.end(
        `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
      );
    } else {
      res.end();
    }
  }

  /** Returns an S3 error code when the request is not correctly signed, or null when it is. */
  private verify(req: IncomingMessage, body: Buffer): [number, string] | null {
    const auth = req.headers.authorization ?? '';
    const m =
      /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/s3\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/.exec(
        auth,
      );
    if (!m) return [403, 'AccessDenied'];
    const [, accessKeyId, date, region, signedList, signature] = m as unknown as string[];
    if (accessKeyId !== this.creds.accessKeyId) return [403, 'InvalidAccessKeyId'];
    if (region !== this.creds.region) return [400, 'AuthorizationHeaderMalformed'];
    const signedHeaders = (signedList ?? '').split(';');
    const sorted = [...signedHeaders].sort();
    if (signedHeaders.join(';') !== sorted.join(';')) return [403, 'SignatureDoesNotMatch'];
    for (const required of ['host', 'x-amz-date', 'x-amz-content-sha256']) {
      if (!signedHeaders.includes(required)) return [403, 'AccessDenied'];
    }
    const amzDate = headerValue(req.headers['x-amz-date']);
    const time = parseAmzDate(amzDate);
    if (time === null || !amzDate.startsWith(date ?? '')) return [403, 'AccessDenied'];
    if (Math.abs(Date.now() - time) > MAX_SKEW_MS) return [403, 'RequestTimeTooSkewed'];
    const payloadHash = headerValue(req.headers['x-amz-content-sha256']);
    if (payloadHash !== UNSIGNED && payloadHash !== sha256(body)) return [400, 'XAmzContentSHA256Mismatch'];
    const expected = expectedSignature({
      method: req.method ?? '',
      rawUrl: req.url ?? '',
      headers: req.headers,
      signedHeaders,
      payloadHash,
      amzDate,
      scope: `${date}/${region}/s3/aws4_request`,
      secretAccessKey: this.creds.secretAccessKey,
      region: this.creds.region,
    });
    const ok = timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(signature ?? '', 'hex'));
    return ok ? null : [403, 'SignatureDoesNotMatch'];
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const method = req.method ?? 'GET';
    const headOnly = method === 'HEAD';
    const failure = this.verify(req, body);
    const status = failure ? failure[0] : this.route(req, res, body, method);
    if (failure) this.reply(res, failure[0], failure[1], headOnly);
    const m = /SignedHeaders=([a-z0-9;-]+)/.exec(req.headers.authorization ?? '');
    this.log.push({ method, url: req.url ?? '', status, signedHeaders: m?.[1]?.split(';') ?? [] });
  }

  private route(req: IncomingMessage, res: ServerResponse, body: Buffer, method: string): number {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const [, bucket, ...rest] = path.split('/');
    const key = rest.map((s) => decodeURIComponent(s)).join('/');
    if (bucket !== this.creds.bucket) {
      this.reply(res, 404, 'NoSuchBucket', method === 'HEAD');
      return 404;
    }
    const object = this.objects.get(key);
    switch (method) {
      case 'PUT':
        this.objects.set(key, {
          bytes: body,
          contentType: headerValue(req.headers['content-type']) || 'binary/octet-stream',
        });
        res.setHeader('ETag', `"${createHash('md5').update(body).digest('hex')}"`);
        this.reply(res, 200);
        return 200;
      case 'GET':
      case 'HEAD': {
        if (!object) {
          this.reply(res, 404, 'NoSuchKey', method === 'HEAD');
          return 404;
        }
        let bytes = object.bytes;
        let status = 200;
        const range = /^bytes=(\d+)-(\d*)$/.exec(headerValue(req.headers.range));
        if (range) {
          const start = Number(range[1]);
          const end = range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
          bytes = bytes.subarray(start, end + 1);
          status = 206;
          res.setHeader('Content-Range', `bytes ${start}-${end}/${object.bytes.length}`);
        }
        res.statusCode = status;
        res.setHeader('Content-Type', object.contentType);
        res.setHeader('Content-Length', String(bytes.length));
        res.end(method === 'HEAD' ? undefined : bytes);
        return status;
      }
      case 'DELETE':
        this.objects.delete(key);
        this.reply(res, 204);
        return 204;
      default:
        this.reply(res, 405, 'MethodNotAllowed');
        return 405;
    }
  }
}
