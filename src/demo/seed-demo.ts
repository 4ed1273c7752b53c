import { sql } from 'kysely';
import type { AppContext, UnitOfWork } from '../platform/context.ts';
import { mutate } from '../platform/context.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { createOrg } from '../features/orgs/service.ts';
import type { Org } from '../features/orgs/queries.ts';
import { insertMember } from '../features/members/service.ts';
import type { MemberInput } from '../features/members/input.ts';
import { createAccount, grantRole } from '../features/accounts/service.ts';
import { THAI_BINH, POSITIONS, branchName, isoDay, personName, pick, rng } from './names.ts';

export interface DemoRefs {
  province: Org;
  district: Org;
  commune: Org;
  branch: Org;
  branches: Org[];
  accounts: Record<'admin' | 'tinhuy' | 'dangu' | 'bithu' | 'dangvien' | 'dangvienxa', string>;
  members: Record<'bithu' | 'dangvien' | 'dangvienxa', string>;
}

/** Features add their own demo content (news, meetings, …) through these hooks, after the tree exists. */
export type DemoHook = (ctx: AppContext, refs: DemoRefs) => Promise<void>;

function randomMember(r: () => number, n: number, opts: Partial<MemberInput> = {}): MemberInput {
  const { fullName, gender } = personName(r);
  const birthYear = 1940 + Math.floor(r() * 62);
  const admittedYear = Math.min(2025, birthYear + 19 + Math.floor(r() * 25));
  const probationary = admittedYear >= 2025 || r() < 0.04;
  const statusRoll = r();
  return {
    fullName,
    gender,
    birthDate: isoDay(birthYear, Math.floor(r() * 360)),
    phone: `09${String(10_000_000 + n).padStart(8, '0')}`,
    cardNumber: `${String(36_000_000 + n)}`,
    admittedOn: isoDay(admittedYear, Math.floor(r() * 360)),
    fullMemberOn: probationary ? null : isoDay(admittedYear + 1, Math.floor(r() * 360)),
    kind: probationary ? 'probationary' : 'full',
    status: birthYear < 1950 && statusRoll < 0.5 ? 'exempt' : statusRoll < 0.08 ? 'working_away' : 'active',
    position: pick(r, POSITIONS),
    ...opts,
  };
}

export async function seedDemo(ctx: AppContext, hooks: DemoHook[] = []): Promise<DemoRefs> {
  const r = rng(20261122);
  const passwordHash = await hashPassword(ctx.config.demoPassword);
  const actor = { accountId: null, ip: null, requestId: 'seed-demo' };
  let memberNo = 0;
  const refs = await mutate(ctx, actor, async (uow: UnitOfWork) => {
    const province = await createOrg(uow, {
      parentId: null,
      name: 'Đảng bộ tỉnh Thái Bình',
      type: 'province_committee',
    });
    const branches: Org[] = [];
    let demoDistrict: Org | null = null;
    let demoCommune: Org | null = null;
    let demoBranch: Org | null = null;
    for (const [di, d] of THAI_BINH.entries()) {
      const district = await createOrg(uow, {
        parentId: province.id,
        name: d.name,
        type: 'district_committee',
      });
      for (const [ci, communeName] of d.communes.entries()) {
        const commune = await createOrg(uow, {
          parentId: district.id,
          name: communeName,
          type: 'grassroots_committee',
        });
        const short = communeName.replace(/^Đảng bộ (xã|phường|thị trấn) /, '');
        const count = 3 + Math.floor(r() * 3);
        const used = new Set<string>();
        for (let b = 0; b < count; b++) {
          let name = branchName(r, short, b);
          if (di === 5 && ci === 0 && b === 0) name = 'Chi bộ thôn Nguyệt Lâm 3';
          while (used.has(name)) name = `${name} `.trimEnd() + ' B';
          used.add(name);
          const branch = await createOrg(uow, { parentId: commune.id, name, type: 'branch' });
          branches.push(branch);
          if (di === 5 && ci === 0 && b === 0) {
            demoDistrict = district;
            demoCommune = commune;
            demoBranch = branch;
          }
          const size = 6 + Math.floor(r() * 20);
          for (let m = 0; m < size; m++) await insertMember(uow, branch, randomMember(r, ++memberNo));
        }
      }
    }
    const branch = demoBranch!;
    const bithu = await insertMember(
      uow,
      branch,
      randomMember(r, ++memberNo, {
        fullName: 'Nguyễn Văn Thành',
        gender: 'male',
        position: 'Bí thư chi bộ, Trưởng thôn',
        kind: 'full',
        status: 'active',
        fullMemberOn: '1996-05-19',
        admittedOn: '1995-05-19',
        birthDate: '1968-03-12',
        phone: '0912000001',
        cardNumber: '36900001',
      }),
    );
    const dangvien = await insertMember(
      uow,
      branch,
      randomMember(r, ++memberNo, {
        fullName: 'Phạm Thị Hoa',
        gender: 'female',
        position: 'Hưu trí',
        kind: 'full',
        status: 'active',
        admittedOn: '1975-02-03',
        fullMemberOn: '1976-02-03',
        birthDate: '1951-08-20',
        phone: '0912000002',
        cardNumber: '36900002',
      }),
    );
    const dangvienxa = await insertMember(
      uow,
      branch,
      randomMember(r, ++memberNo, {
        fullName: 'Trần Đức Long',
        gender: 'male',
        position: 'Công nhân',
        kind: 'full',
        status: 'working_away',
        admittedOn: '2015-09-02',
        fullMemberOn: '2016-09-02',
        birthDate: '1990-11-19',
        phone: '0912000003',
        cardNumber: '36900003',
      }),
    );
    const make = async (login: string, memberId: string | null) =>
      (await createAccount(uow, { login, memberId, passwordHash })).id;
    const accounts = {
      admin: await make('admin', null),
      tinhuy: await make('tinhuy', null),
      dangu: await make('dangu', null),
      bithu: await make('bithu', bithu),
      dangvien: await make('dangvien', dangvien),
      dangvienxa: await make('dangvienxa', dangvienxa),
    };
    const grant = (accountId: string, org: Org, role: string) =>
      grantRole(uow, { accountId, orgId: org.id, orgPath: org.path, role, by: null });
    await grant(accounts.admin, province, 'admin');
    await grant(accounts.tinhuy, province, 'committee_member');
    await grant(accounts.dangu, demoCommune!, 'committee_member');
    await grant(accounts.bithu, branch, 'secretary');
    await uow.audit({
      action: 'demo.seed',
      entityType: 'org',
      entityId: province.id,
      orgPath: province.path,
      after: { members: memberNo + 0 },
    });
    return {
      province,
      district: demoDistrict!,
      commune: demoCommune!,
      branch,
      branches,
      accounts,
      members: { bithu, dangvien, dangvienxa },
    } satisfies DemoRefs;
  });
  for (const hook of hooks) await hook(ctx, refs);
  return refs;
}

/** Empties the database so the demo can be seeded again (tables are kept, rows are removed). */
export async function resetDatabase(ctx: AppContext): Promise<void> {
  if (ctx.dialect === 'postgres') {
    await sql`drop schema public cascade`.execute(ctx.db);
    await sql`create schema public`.execute(ctx.db);
    return;
  }
  const tables = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(ctx.db);
  await sql`pragma foreign_keys = off`.execute(ctx.db);
  for (const t of tables.rows) await sql`drop table if exists ${sql.id(t.name)}`.execute(ctx.db);
  await sql`pragma foreign_keys = on`.execute(ctx.db);
}
