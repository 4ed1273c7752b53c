import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { assertValidKey, sha256Hex } from './store.ts';
import type { ByteRange, FileStat, FileStore } from './store.ts';

export interface S3Options {
  /** Service URL, e.g. https://s3.ap-southeast-1.amazonaws.com or http://minio:9000 */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Address the bucket in the path (MinIO, most self-hosted stores) instead of the host name. */
  forcePathStyle?: boolean;
}

export class S3Error extends Error {
  readonly httpStatus: number;
  readonly s3Code: string | null;

  constructor(operation: string, key: string, httpStatus: number, s3Code: string | null) {
    super(`S3 ${operation} ${key} failed: HTTP ${httpStatus}${s3Code ? ` ${s3Code}` : ''}`);
    this.name = 'S3Error';
    this.httpStatus = httpStatus;
    this.s3Code = s3Code;
  }
}

// fetch wants memory it may hand to another thread; only a SharedArrayBuffer-backed view needs copying.
function asArrayBufferView(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
}

async function errorFor(operation: string, key: string, res: Response): Promise<S3Error> {
  const body = operation === 'HEAD' ? '' : await res.text().catch(() => '');
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(body)?.[1] ?? null;
  return new S3Error(operation, key, res.status, code);
}

/** Object storage over the S3 REST API, signed with AWS Signature Version 4. */
export class S3FileStore implements FileStore {
  private readonly client: AwsClient;
  private readonly base: URL;
  private readonly options: S3Options;

  constructor(options: S3Options) {
    this.options = options;
    this.base = new URL(options.endpoint);
    if (this.base.protocol !== 'https:' && this.base.protocol !== 'http:') {
      throw new RangeError(`S3 endpoint must be http(s): ${options.endpoint}`);
    }
    this.client = new AwsClient({
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      sessionToken: options.sessionToken,
      service: 's3',
      region: options.region,
      retries: 2,
    });
  }

  /** Keys are restricted to URL-safe characters, so they go into the path unescaped. */
  objectUrl(key: string): string {
    assertValidKey(key);
    const url = new URL(this.base.href);
    const prefix = url.pathname.replace(/\/+$/, '');
    if (this.options.forcePathStyle) {
      url.pathname = `${prefix}/${encodeURIComponent(this.options.bucket)}/${key}`;
    } else {
      url.hostname = `${this.options.bucket}.${url.hostname}`;
      url.pathname = `${prefix}/${key}`;
    }
    return url.href;
  }

  async put(key: string, bytes: Uint8Array, mime: string): Promise<void> {
    // Signing the payload hash lets the server reject a body altered in transit.
    const res = await this.client.fetch(this.objectUrl(key), {
      method: 'PUT',
      body: asArrayBufferView(bytes),
      headers: { 'Content-Type': mime, 'X-Amz-Content-Sha256': sha256Hex(bytes) },
    });
    if (!res.ok) throw await errorFor('PUT', key, res);
    await res.body?.cancel();
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    const headers: Record<string, string> = {};
    if (range) headers['Range'] = `bytes=${range.start}-${range.end ?? ''}`;
    const res = await this.client.fetch(this.objectUrl(key), { method: 'GET', headers });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw await errorFor('GET', key, res);
    if (!res.body) return Readable.from([]);
    return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  }

  async stat(key: string): Promise<FileStat | null> {
    const res = await this.client.fetch(this.objectUrl(key), { method: 'HEAD' });
    if (res.status === 404) return null;
    if (!res.ok) throw await errorFor('HEAD', key, res);
    return { size: Number(res.headers.get('content-length') ?? 0), mime: res.headers.get('content-type') };
  }

  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.objectUrl(key), { method: 'DELETE' });
    if (!res.ok && res.status !== 404) throw await errorFor('DELETE', key, res);
    await res.body?.cancel();
  }
}
