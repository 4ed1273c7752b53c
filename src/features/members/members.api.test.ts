import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';

let t: TestApp;
let tree: SmallTree;
let secretaryA1: Client;
let memberA1: Client;
let communeB: Client;

const HEADER = [
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số điện thoại',
  'Số thẻ đảng',
  'Ngày vào Đảng',
  'Ngày chính thức',
  'Loại',
  'Trạng thái',
  'Chức vụ',
];

async function xlsx(rows: unknown[][], extraSheet = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['DANH SÁCH ĐẢNG VIÊN CHI BỘ']);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  if (extraSheet) wb.addWorksheet('Hướng dẫn').addRow(['Điền mỗi đảng viên một dòng']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(name: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----sotay' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(c: Client, orgId: string, name: string, bytes: Buffer) {
  const body = multipart(name, bytes);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/members/import`,
    headers: { ...body.headers, cookie: c.cookie, 'x-sotay-client': 'test' },
    payload: body.payload,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  const sec = await makeMember(t.ctx, tree.branchA1, { fullName: 'Nguyễn Văn Thành' });
  await makeAccount(t.ctx, {
    login: 'bt',
    memberId: sec,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  const mem = await makeMember(t.ctx, tree.branchA1, { fullName: 'Phạm Thị Hoa', phone: '0912000002' });
  await makeAccount(t.ctx, { login: 'dv', memberId: mem });
  await makeAccount(t.ctx, { login: 'xb', roles: [{ role: 'committee_member', org: tree.communeB }] });
  secretaryA1 = await login(t.app, 'bt', PASSWORD);
  memberA1 = await login(t.app, 'dv', PASSWORD);
  communeB = await login(t.app, 'xb', PASSWORD);
});
afterAll(() => t?.close());

describe('members', () => {
  it('adds a member and refuses duplicate card numbers and phones', async () => {
    const ok = await secretaryA1.post(`/api/v1/orgs/${tree.branchA1.id}/members`, {
      fullName: 'Lê Văn Nam',
      phone: '0911111111',
      cardNumber: '36111111',
      kind: 'Chính thức',
      fullMemberOn: '01/02/1990',
      admittedOn: '01/02/1989',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ fullName: 'Lê Văn Nam', kind: 'full', phone: '0911111111' });
    const dupPhone = await secretaryA1.post(`/api/v1/orgs/${tree.branchA1.id}/members`, {
      fullName: 'Lê Văn Bắc',
      phone: '091 111 1111',
    });
    expect(dupPhone.json().error.code).toBe('MEMBER_DUPLICATE_PHONE');
    const dupCard = await secretaryA1.post(`/api/v1/orgs/${tree.branchA1.id}/members`, {
      fullName: 'Lê Văn Bắc',
      cardNumber: '36111111',
    });
    expect(dupCard.json().error.code).toBe('MEMBER_DUPLICATE_CARD');
    const bad = await secretaryA1.post(`/api/v1/orgs/${tree.branchA1.id}/members`, {
      fullName: 'Lê Văn Bắc',
      phone: '123',
      birthDate: '31/02/1960',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['birthDate', 'phone']);
  });

  it('shows personal data only to those allowed', async () => {
    const asMember = (await memberA1.get(`/api/v1/orgs/${tree.branchA1.id}/members`)).json().items;
    const other = asMember.find((m: { fullName: string }) => m.fullName === 'Nguyễn Văn Thành');
    expect(other.phone).toBeUndefined();
    expect(other.birthDate).toBeUndefined();
    const self = asMember.find((m: { fullName: string }) => m.fullName === 'Phạm Thị Hoa');
    expect(self.phone).toBe('0912000002');
    expect(
      (
        await memberA1.post(`/api/v1/orgs/${tree.branchA1.id}/members`, {
          fullName: 'X Y',
          phone: '0900000001',
        })
      ).statusCode,
    ).toBe(403);
    expect((await communeB.get(`/api/v1/orgs/${tree.branchA1.id}/members`)).statusCode).toBe(404);
  });

  it('searches without diacritics and pages with a cursor', async () => {
    const found = (await secretaryA1.get(`/api/v1/orgs/${tree.branchA1.id}/members?q=pham thi hoa`)).json()
      .items;
    expect(found.map((m: { fullName: string }) => m.fullName)).toEqual(['Phạm Thị Hoa']);
    const p1 = (await secretaryA1.get(`/api/v1/orgs/${tree.branchA1.id}/members?limit=2`)).json();
    expect(p1.items).toHaveLength(2);
    const p2 = (
      await secretaryA1.get(
        `/api/v1/orgs/${tree.branchA1.id}/members?limit=2&cursor=${encodeURIComponent(p1.nextCursor)}`,
      )
    ).json();
    expect(p2.items.length).toBeGreaterThan(0);
    expect(p2.items.map((m: { id: string }) => m.id)).not.toContain(p1.items[0].id);
  });

  it('imports nothing when one row is bad, and reports row, column and reason in Vietnamese', async () => {
    const file = await xlsx(
      [
        [
          'Đỗ Văn Hùng',
          'Nam',
          '12/03/1970',
          '0933000001',
          '36500001',
          '01/05/1995',
          '01/05/1996',
          'Chính thức',
          'Đang sinh hoạt',
          'Nông dân',
        ],
        ['Vũ Thị Mai', 'Nữ', '31/02/1980', '0933000002', '36500002', '', '', 'Dự bị', 'Đang sinh hoạt', ''],
        [
          'Bùi Văn Tâm',
          'Nam',
          '1965-07-07',
          '0933000003',
          '36500003',
          '1990-01-01',
          '1991-01-01',
          'Chính thức',
          'Đi làm ăn xa',
          '',
        ],
      ],
      true,
    );
    const res = await upload(secretaryA1, tree.branchA1.id, 'danh-sach.xlsx', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_INVALID_ROWS');
    expect(res.json().error.details).toEqual([expect.objectContaining({ row: 4, column: 'Ngày sinh' })]);
    expect(res.json().error.details[0].message).toMatch(/^Dòng 4, cột "Ngày sinh"/);
    const none = (await secretaryA1.get(`/api/v1/orgs/${tree.branchA1.id}/members?q=do van hung`)).json()
      .items;
    expect(none).toHaveLength(0);
  });

  it('imports a valid spreadsheet and a CSV, refusing duplicates against the database', async () => {
    const file = await xlsx([
      [
        'Đỗ Văn Hùng',
        'Nam',
        '12/03/1970',
        '0933000001',
        '36500001',
        '01/05/1995',
        '01/05/1996',
        'Chính thức',
        'Đang sinh hoạt',
        'Nông dân',
      ],
      [
        'Vũ Thị Mai',
        'Nữ',
        '28/02/1980',
        '0933000002',
        '36500002',
        '10/10/2025',
        '',
        'Dự bị',
        'Đang sinh hoạt',
        '',
      ],
    ]);
    const res = await upload(secretaryA1, tree.branchA1.id, 'danh-sach.xlsx', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });
    const again = await upload(secretaryA1, tree.branchA1.id, 'danh-sach.xlsx', file);
    expect(again.json().error.details.map((d: { column: string }) => d.column)).toEqual([
      'Số thẻ đảng',
      'Số điện thoại',
      'Số thẻ đảng',
      'Số điện thoại',
    ]);
    const csv = Buffer.from('\uFEFFHọ và tên,Số điện thoại,Loại\nTạ Văn Lực,0944000001,Dự bị\n', 'utf8');
    expect((await upload(secretaryA1, tree.branchA1.id, 'ds.csv', csv)).json()).toEqual({ imported: 1 });
  });

  it('refuses files that are not spreadsheets and imports into branches only', async () => {
    expect(
      (await upload(secretaryA1, tree.branchA1.id, 'x.xlsx', Buffer.from('not a zip'))).json().error.code,
    ).toBe('UPLOAD_CONTENT_MISMATCH');
    expect(
      (await upload(secretaryA1, tree.branchA1.id, 'x.pdf', Buffer.from('%PDF-1.4'))).json().error.code,
    ).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const corrupt = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]);
    expect((await upload(secretaryA1, tree.branchA1.id, 'x.xlsx', corrupt)).json().error.code).toBe(
      'IMPORT_BAD_FILE',
    );
    const noName = await xlsx([['', 'Nam']]);
    expect((await upload(secretaryA1, tree.branchA1.id, 'x.xlsx', noName)).json().error.code).toBe(
      'IMPORT_INVALID_ROWS',
    );
  });

  it('exports the subtree to XLSX', async () => {
    const res = await secretaryA1.get(`/api/v1/orgs/${tree.branchA1.id}/members/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > 2) names.push(String(row.getCell(2).value));
    });
    expect(names).toContain('Phạm Thị Hoa');
    expect((await memberA1.get(`/api/v1/orgs/${tree.branchA1.id}/members/export`)).statusCode).toBe(403);
  });

  it('transfers a member, temporarily and permanently, keeping history', async () => {
    const id = (
      await secretaryA1.post(`/api/v1/orgs/${tree.branchA1.id}/members`, {
        fullName: 'Hoàng Văn Sơn',
        phone: '0955000001',
      })
    ).json().id;
    const temp = await secretaryA1.post(`/api/v1/members/${id}/transfer`, {
      kind: 'temporary',
      toOrgId: tree.branchB1.id,
      note: 'Đi làm ở xã Đông La',
    });
    expect(temp.json()).toMatchObject({
      status: 'temporarily_transferred',
      orgId: tree.branchA1.id,
      hostOrgId: tree.branchB1.id,
    });
    expect((await secretaryA1.post(`/api/v1/members/${id}/transfer`, { kind: 'return' })).json().status).toBe(
      'active',
    );
    const perm = await secretaryA1.post(`/api/v1/members/${id}/transfer`, {
      kind: 'permanent',
      toOrgId: tree.branchA2.id,
    });
    expect(perm.json().orgId).toBe(tree.branchA2.id);
    const history = await secretaryA1.get(`/api/v1/members/${id}/transfers`);
    // After a permanent transfer out of A1 the secretary of A1 no longer covers the member.
    expect(history.statusCode).toBe(404);
    expect((await secretaryA1.post(`/api/v1/members/${id}/transfer`, { kind: 'return' })).statusCode).toBe(
      404,
    );
  });
});
