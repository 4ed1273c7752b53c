import { mutate, type AppContext } from '../../src/platform/context.ts';
import { createOrg } from '../../src/features/orgs/service.ts';
import type { Org } from '../../src/features/orgs/queries.ts';
import { insertMember } from '../../src/features/members/service.ts';
import type { MemberInput } from '../../src/features/members/input.ts';
import { createAccount, grantRole } from '../../src/features/accounts/service.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';
import type { Role } from '../../src/platform/permissions/roles.ts';
import { personName, rng } from '../../src/demo/names.ts';

const actor = { accountId: null, ip: null, requestId: 'factory' };
export const PASSWORD = 'mat-khau-thu-nghiem';
let hashed: Promise<string> | null = null;
let counter = 0;
const r = rng(7);

export function makeOrg(
  ctx: AppContext,
  input: { parent: Org | null; name?: string; type: string },
): Promise<Org> {
  return mutate(ctx, actor, (uow) =>
    createOrg(uow, {
      parentId: input.parent?.id ?? null,
      name: input.name ?? `Tổ chức ${++counter}`,
      type: input.type,
    }),
  );
}

export async function makeMember(
  ctx: AppContext,
  branch: Org,
  input: Partial<MemberInput> = {},
): Promise<string> {
  const n = ++counter;
  const person = personName(r);
  return mutate(ctx, actor, (uow) =>
    insertMember(uow, branch, {
      fullName: person.fullName,
      gender: person.gender,
      birthDate: '1960-01-01',
      phone: `0987${String(n).padStart(6, '0')}`,
      cardNumber: `7${String(n).padStart(7, '0')}`,
      admittedOn: '1985-01-01',
      fullMemberOn: '1986-01-01',
      kind: 'full',
      status: 'active',
      position: null,
      ...input,
    }),
  );
}

/** An account, optionally linked to a member, with roles on organisations; its password is PASSWORD. */
export async function makeAccount(
  ctx: AppContext,
  input: {
    login?: string;
    memberId?: string | null;
    roles?: Array<{ role: Role; org: Org }>;
    mustChange?: boolean;
  },
): Promise<{ id: string; login: string }> {
  hashed ??= hashPassword(PASSWORD);
  const loginName = input.login ?? `user${++counter}`;
  const passwordHash = await hashed;
  const id = await mutate(ctx, actor, async (uow) => {
    const acc = await createAccount(uow, {
      login: loginName,
      memberId: input.memberId ?? null,
      passwordHash,
    });
    if (input.mustChange)
      await uow.trx
        .updateTable('accounts')
        .set({ must_change_password: 1 })
        .where('id', '=', acc.id)
        .execute();
    for (const g of input.roles ?? []) {
      await grantRole(uow, {
        accountId: acc.id,
        orgId: g.org.id,
        orgPath: g.org.path,
        role: g.role,
        by: null,
      });
    }
    return acc.id;
  });
  return { id, login: loginName };
}

export interface SmallTree {
  province: Org;
  district: Org;
  communeA: Org;
  communeB: Org;
  branchA1: Org;
  branchA2: Org;
  branchB1: Org;
}

/** province → district → communes A and B → branches A1, A2 and B1. */
export async function makeTree(ctx: AppContext): Promise<SmallTree> {
  const province = await makeOrg(ctx, {
    parent: null,
    name: 'Đảng bộ tỉnh Thử Nghiệm',
    type: 'province_committee',
  });
  const district = await makeOrg(ctx, {
    parent: province,
    name: 'Đảng bộ huyện Đông Hưng',
    type: 'district_committee',
  });
  const communeA = await makeOrg(ctx, {
    parent: district,
    name: 'Đảng bộ xã Đông Hợp',
    type: 'grassroots_committee',
  });
  const communeB = await makeOrg(ctx, {
    parent: district,
    name: 'Đảng bộ xã Đông La',
    type: 'grassroots_committee',
  });
  const branchA1 = await makeOrg(ctx, { parent: communeA, name: 'Chi bộ thôn Nguyệt Lâm 3', type: 'branch' });
  const branchA2 = await makeOrg(ctx, { parent: communeA, name: 'Chi bộ thôn An Lạc', type: 'branch' });
  const branchB1 = await makeOrg(ctx, { parent: communeB, name: 'Chi bộ thôn Phú Mỹ', type: 'branch' });
  return { province, district, communeA, communeB, branchA1, branchA2, branchB1 };
}
