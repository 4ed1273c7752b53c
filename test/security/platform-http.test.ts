import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { preferredLocale } from '../../src/platform/http/error-handler.ts';

let t: TestApp;
let webDir: string;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sotay-web-'));
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Sổ tay</title>');
  fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
  t = await createTestApp({ SOTAY_WEB_DIR: webDir });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('static files', () => {
  it('serves an existing asset and answers 404 for a missing one instead of the app shell', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('console.log');
    const missing = await t.app.inject({ method: 'GET', url: '/assets/app-9999.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/json');
    expect(missing.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers the app shell for a screen path', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/members/123' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Sổ tay');
  });
});

describe('error messages follow Accept-Language', () => {
  it('answers in Vietnamese by default and in English when preferred', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(vi.statusCode).toBe(401);
    expect(vi.json().error).toMatchObject({ code: 'AUTH_REQUIRED', message: 'Vui lòng đăng nhập.' });
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' },
    });
    expect(en.json().error).toMatchObject({ code: 'AUTH_REQUIRED', message: 'Please log in.' });
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(missing.json().error.message).toBe('No such endpoint.');
  });

  it('picks the preferred of vi and en by quality', () => {
    expect(preferredLocale(undefined)).toBe('vi');
    expect(preferredLocale('fr-FR,fr;q=0.9')).toBe('vi');
    expect(preferredLocale('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(preferredLocale('en;q=0.9,vi;q=0.4')).toBe('en');
    expect(preferredLocale('en;q=abc')).toBe('vi');
  });
});
