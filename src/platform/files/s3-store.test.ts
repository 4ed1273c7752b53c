import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from 'node:stream/consumers';
import { AwsClient } from 'aws4fetch';
import { FakeS3, expectedSignature } from './fake-s3.ts';
import { S3Error, S3FileStore } from './s3-store.ts';
import { createFileStore } from './create-store.ts';
import { LocalFileStore } from './local-store.ts';
import { keyForContent, sha256Hex } from './store.ts';

const creds = {
  accessKeyId: 'AKIDSOTAYTEST',
  secretAccessKey: 'bí-mật/không-lộ+ra',
  region: 'ap-southeast-1',
  bucket: 'sotay-files',
};

describe('fake S3 signature check', () => {
  it('reproduces the signature of the GET Object example in the AWS SigV4 documentation', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html ("GET Object")
    const signature = expectedSignature({
      method: 'GET',
      rawUrl: '/test.txt',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date': '20130524T000000Z',
      },
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      amzDate: '20130524T000000Z',
      scope: '20130524/us-east-1/s3/aws4_request',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
    });
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });
});

describe('S3FileStore', () => {
  const fake = new FakeS3(creds);
  let endpoint: string;
  let store: S3FileStore;

  beforeAll(async () => {
    endpoint = await fake.start();
    store = new S3FileStore({ ...creds, endpoint, forcePathStyle: true });
  });

  afterAll(async () => {
    await fake.stop();
  });

  it('puts, gets, stats and deletes over signed path-style requests', async () => {
    const bytes = new TextEncoder().encode('Biên bản họp chi bộ — Đảng bộ xã Vũ Hội');
    const key = keyForContent(bytes);
    await store.put(key, bytes, 'text/plain; charset=utf-8');
    expect(fake.objects.get(key)?.bytes.toString()).toBe('Biên bản họp chi bộ — Đảng bộ xã Vũ Hội');
    expect(await store.stat(key)).toEqual({ size: bytes.length, mime: 'text/plain; charset=utf-8' });
    expect(await text((await store.get(key))!)).toBe('Biên bản họp chi bộ — Đảng bộ xã Vũ Hội');
    await store.delete(key);
    expect(fake.objects.has(key)).toBe(false);
    expect(await store.stat(key)).toBeNull();
    expect(await store.get(key)).toBeNull();

    const requests = fake.log.slice(-6);
    expect(requests.map((r) => [r.method, r.status])).toEqual([
      ['PUT', 200],
      ['HEAD', 200],
      ['GET', 200],
      ['DELETE', 204],
      ['HEAD', 404],
      ['GET', 404],
    ]);
    expect(requests.every((r) => r.url === `/${creds.bucket}/${key}`)).toBe(true);
    expect(requests[0]?.signedHeaders).toEqual(
      expect.arrayContaining(['host', 'x-amz-content-sha256', 'x-amz-date']),
    );
  });

  it('signs the payload hash so the server can check the body', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    await store.put('a/payload.bin', bytes, 'application/octet-stream');
    expect(fake.log.at(-1)?.status).toBe(200);
    expect(fake.objects.get('a/payload.bin')?.bytes).toEqual(Buffer.from(bytes));
  });

  it('reads a byte range', async () => {
    await store.put('audio/bai-doc.mp3', new TextEncoder().encode('0123456789'), 'audio/mpeg');
    expect(await text((await store.get('audio/bai-doc.mp3', { start: 3, end: 6 }))!)).toBe('3456');
  });

  it('is refused with a wrong secret', async () => {
    const wrong = new S3FileStore({ ...creds, secretAccessKey: 'sai', endpoint, forcePathStyle: true });
    const err = await wrong.put('x/y', new Uint8Array([1]), 'text/plain').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(S3Error);
    expect(err).toMatchObject({ httpStatus: 403, s3Code: 'SignatureDoesNotMatch' });
    expect(fake.objects.has('x/y')).toBe(false);
    await expect(wrong.stat('audio/bai-doc.mp3')).rejects.toMatchObject({ httpStatus: 403 });
  });

  it('is refused with an unknown access key or another region', async () => {
    const unknown = new S3FileStore({ ...creds, accessKeyId: 'AKIDOTHER', endpoint, forcePathStyle: true });
    await expect(unknown.get('audio/bai-doc.mp3')).rejects.toMatchObject({ s3Code: 'InvalidAccessKeyId' });
    const region = new S3FileStore({ ...creds, region: 'us-east-1', endpoint, forcePathStyle: true });
    await expect(region.get('audio/bai-doc.mp3')).rejects.toMatchObject({ httpStatus: 400 });
  });

  it('the fake server rejects a body changed after signing and a request altered after signing', async () => {
    const client = new AwsClient({ ...creds, service: 's3', retries: 0 });
    const url = `${endpoint}/${creds.bucket}/tamper/test`;
    const original = new TextEncoder().encode('bản gốc');
    const signed = await client.sign(url, {
      method: 'PUT',
      body: original,
      headers: { 'X-Amz-Content-Sha256': sha256Hex(original) },
    });
    const changedBody = await fetch(url, { method: 'PUT', headers: signed.headers, body: 'bản sửa' });
    expect(changedBody.status).toBe(400);
    expect(await changedBody.text()).toContain('XAmzContentSHA256Mismatch');
    expect(fake.objects.has('tamper/test')).toBe(false);
    const unchanged = await fetch(url, { method: 'PUT', headers: signed.headers, body: original });
    expect(unchanged.status).toBe(200);

    const get = await client.sign(`${endpoint}/${creds.bucket}/audio/bai-doc.mp3`, { method: 'GET' });
    const otherPath = await fetch(`${endpoint}/${creds.bucket}/audio/khac.mp3`, { headers: get.headers });
    expect(otherPath.status).toBe(403);
    expect(await otherPath.text()).toContain('SignatureDoesNotMatch');
    const ok = await fetch(get);
    expect(ok.status).toBe(200);

    const anonymous = await fetch(`${endpoint}/${creds.bucket}/audio/bai-doc.mp3`);
    expect(anonymous.status).toBe(403);
    expect(fake.objects.get('tamper/test')?.bytes.toString()).toBe('bản gốc');
  });

  it('addresses the bucket in the host name unless path style is forced', async () => {
    const virtual = new S3FileStore({ ...creds, endpoint: 'https://s3.example.test', forcePathStyle: false });
    // An invalid key is refused before any request is made.
    await expect(virtual.get('../x')).rejects.toThrow(RangeError);
    expect(virtual.objectUrl('a/b.pdf')).toBe('https://sotay-files.s3.example.test/a/b.pdf');
    expect(store.objectUrl('a/b.pdf')).toBe(`${endpoint}/sotay-files/a/b.pdf`);
  });
});

describe('createFileStore', () => {
  it('builds the store named by the configuration', () => {
    expect(createFileStore({ kind: 'local', dir: '/tmp/sotay/files' })).toBeInstanceOf(LocalFileStore);
    expect(
      createFileStore({ kind: 's3', ...creds, endpoint: 'http://127.0.0.1:9000', forcePathStyle: true }),
    ).toBeInstanceOf(S3FileStore);
  });

  it('refuses an endpoint that is not http(s)', () => {
    expect(() => createFileStore({ kind: 's3', ...creds, endpoint: 'ftp://example.test' })).toThrow(
      RangeError,
    );
  });
});
