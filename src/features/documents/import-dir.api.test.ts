import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { makeDocx, makePdf } from '../../platform/files/test-fixtures.ts';
import { fileStoreOf } from './file-store.ts';
import { dateOf, importDirectory, kindOf, numberOf, titleOf } from './import-dir.ts';

const run = promisify(execFile);
let t: TestApp;
let tree: SmallTree;
let dir: string;
let memberA1: Client;
let memberB1: Client;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  memberA1 = await login(t.app, 'dv-a1', PASSWORD);
  memberB1 = await login(t.app, 'dv-b1', PASSWORD);
  dir = mkdtempSync(join(tmpdir(), 'sotay-import-'));
  writeFileSync(
    join(dir, 'nghi-quyet-02.md'),
    '# Nghị quyết về chuyển đổi số\n\nSố 02-NQ/TU, ngày 15 tháng 3 năm 2021.\n\nMục tiêu đến năm 2025.',
  );
  writeFileSync(join(dir, 'ghi chú.txt'), 'Kế hoạch học tập chuyên đề năm 2026\nNội dung học tập.');
  writeFileSync(
    join(dir, 'chi-thi.docx'),
    await makeDocx('Chỉ thị về tăng cường công tác tuyên truyền', ['Các cấp ủy tổ chức quán triệt.']),
  );
  writeFileSync(join(dir, 'bao-cao.pdf'), await makePdf(['Báo cáo sơ kết sáu tháng đầu năm.']));
  writeFileSync(join(dir, 'hong.pdf'), '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog hỏng');
  writeFileSync(join(dir, 'gia.pdf'), '<html><script>alert(1)</script></html>');
  writeFileSync(join(dir, 'anh.jpg'), 'không phải tài liệu');
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t?.close();
});

describe('import-documents', () => {
  it('reads titles, kinds, numbers and dates from the text', () => {
    expect(titleOf('# Nghị quyết số 5\n\nNội dung', 'a.md')).toBe('Nghị quyết số 5');
    expect(titleOf('\n\nThông báo kết luận\nNội dung', 'a.txt')).toBe('Thông báo kết luận');
    expect(titleOf('', 'tai_lieu-hoc-tap.pdf')).toBe('tai lieu hoc tap');
    expect(kindOf('Chỉ thị về tăng cường')).toBe('chi_thi');
    expect(kindOf('Tài liệu sinh hoạt')).toBe('tham_khao');
    expect(numberOf('Số 35-CT/TW ngày…')).toBe('35-CT/TW');
    expect(dateOf('Thái Bình, ngày 15 tháng 3 năm 2021')).toBe('2021-03-15');
  });

  it('imports every readable file to the organisation’s subtree and reports the rest', async () => {
    const progress: string[] = [];
    const report = await importDirectory(
      t.ctx,
      { dir, orgId: tree.communeA.id, onFile: (_d, _t, f) => progress.push(f) },
      fileStoreOf(t.ctx),
    );
    expect(report.imported.map((i) => i.title).sort()).toEqual(
      [
        'Báo cáo sơ kết sáu tháng đầu năm.',
        'Chỉ thị về tăng cường công tác tuyên truyền',
        'Kế hoạch học tập chuyên đề năm 2026',
        'Nghị quyết về chuyển đổi số',
      ].sort(),
    );
    expect(report.noText.map((f) => f.file)).toEqual(['hong.pdf']);
    expect(report.failed.map((f) => f.file)).toEqual(['gia.pdf']);
    expect(progress).toContain('chi-thi.docx');

    const nq = report.imported.find((i) => i.file === 'nghi-quyet-02.md')!;
    const doc = (await memberA1.get(`/api/v1/documents/${nq.id}`)).json();
    expect(doc).toMatchObject({ kind: 'nghi_quyet', number: '02-NQ/TU', issuedOn: '2021-03-15' });
    expect(doc.sourceName).toBe('nghi-quyet-02.md');
    const ct = report.imported.find((i) => i.file === 'chi-thi.docx')!;
    const docx = (await memberA1.get(`/api/v1/documents/${ct.id}`)).json();
    expect(docx.kind).toBe('chi_thi');
    expect(docx.files).toHaveLength(1);
    expect(docx.paragraphs.map((p: { text: string }) => p.text).join(' ')).toContain('quán triệt');
    expect((await memberB1.get(`/api/v1/documents/${ct.id}`)).statusCode).toBe(404);

    const again = await importDirectory(t.ctx, { dir, orgId: tree.communeA.id }, fileStoreOf(t.ctx));
    expect(again.imported).toEqual([]);
    expect(again.skipped).toHaveLength(5);
  });

  it('runs as `sotay import-documents` with a progress bar on stderr', async () => {
    const cliDir = mkdtempSync(join(tmpdir(), 'sotay-import-cli-'));
    writeFileSync(join(cliDir, 'huong-dan.md'), '# Hướng dẫn sinh hoạt chi bộ\n\nNội dung hướng dẫn.');
    writeFileSync(join(cliDir, 'sai.docx'), 'không phải docx');
    const env = {
      ...process.env,
      SOTAY_DATA_DIR: t.ctx.config.dataDir,
      DATABASE_URL: t.ctx.config.databaseUrl ?? '',
      LOG_LEVEL: 'silent',
    };
    const out = await run('node', ['bin/sotay.js', 'import-documents', '--dir', cliDir], { env }).catch(
      (e: { stdout: string; stderr: string; code: number }) => e,
    );
    rmSync(cliDir, { recursive: true, force: true });
    expect(out.stdout).toContain('Đã nhập 1 văn bản.');
    expect(out.stdout).toContain('Hướng dẫn sinh hoạt chi bộ');
    expect(out.stderr).toMatch(/\[#+-*\] \d\/2/);
    expect(out.stderr).toContain('Không đọc được 1 tệp');
    expect(out.stderr).toContain('sai.docx');
    // Published to the root: every member sees it.
    const list = (await memberB1.get('/api/v1/documents?kind=huong_dan')).json();
    expect(list.items.map((d: { title: string }) => d.title)).toEqual(['Hướng dẫn sinh hoạt chi bộ']);
  });
});
