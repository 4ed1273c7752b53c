import type { Insertable } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { AppContext } from '../platform/context.ts';
import { mutate } from '../platform/context.ts';
import { nowIso } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { fold } from '../text/fold.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { childPath } from '../features/orgs/paths.ts';
import { POSITIONS, branchName, isoDay, personName, pick, rng } from './names.ts';

export interface GenerateOptions {
  members: number;
  membersPerBranch?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
  /** Feature generators run after organisations, members and accounts (default: DATASET_PLUGINS in plugins.ts). */
  plugins?: readonly DatasetPlugin[];
  /** Called as each plugin starts, with its name (progress then counts that plugin's work). */
  onPart?: (name: string) => void;
}

export interface DatasetInfo {
  seed: number;
  now: string;
  provinces: Array<{ id: string; path: string }>;
  orgs: number;
  /** Branches with members: what a plugin working branch by branch reports its progress against. */
  branches: number;
  members: number;
}

/**
 * A feature's part of the synthetic dataset (meetings, reports, news, documents …): runs after the core rows
 * exist, streams its own rows in batches (see `branchBatches`) and returns what it created, e.g. `{ meetings: n }`.
 * Add yours to DATASET_PLUGINS in `plugins.ts`.
 */
export interface DatasetPlugin {
  name: string;
  generate(
    ctx: AppContext,
    info: DatasetInfo,
    progress: (done: number, total: number) => void,
  ): Promise<Record<string, number>>;
}

/** Every branch of the dataset, a batch at a time in path order (keyset pagination: flat memory at any scale). */
export async function* branchBatches(
  ctx: AppContext,
  size = 500,
): AsyncGenerator<Array<{ id: string; path: string; province_id: string }>> {
  let after = '';
  for (;;) {
    const rows = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'path', 'province_id'])
      .where('type_code', '=', 'branch')
      .where('path', '>', after)
      .orderBy('path')
      .limit(size)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.path;
  }
}

/** Login of the generated account of member number n (1-based): dv1, dv2 … Password: the demo password. */
export function generatedLogin(n: number): string {
  return `dv${n}`;
}

interface OrgRow {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  type_code: string;
  name: string;
  name_folded: string;
  province_id: string;
  status: 'active';
  closed_at: null;
  created_at: string;
  updated_at: string;
}

/**
 * Synthetic data at province (~110k members) or country (5.6M) scale, written in batches so memory stays flat:
 * one province per ~110,000 members under a national root when there is more than one.
 */
export async function generateDataset(
  ctx: AppContext,
  opts: GenerateOptions,
): Promise<{ orgs: number; members: number } & Record<string, number>> {
  // A bulk load that can be redone: SQLite skips the per-commit fsync meanwhile (minutes instead of an hour).
  const sqlite = ctx.database.sqlite;
  const sync = sqlite?.pragma('synchronous', { simple: true }) as number | undefined;
  sqlite?.pragma('synchronous = OFF');
  try {
    return await generateRows(ctx, opts);
  } finally {
    if (sqlite && sync !== undefined) sqlite.pragma(`synchronous = ${sync}`);
  }
}

async function generateRows(
  ctx: AppContext,
  opts: GenerateOptions,
): Promise<{ orgs: number; members: number } & Record<string, number>> {
  const r = rng(opts.seed ?? 42);
  // Rows of many branches go in one multi-row INSERT per table (~1,500 members), one transaction each: a statement
  // or a commit per branch would make the country dataset take hours on PostgreSQL.
  let w = await ctx.db.startTransaction().execute();
  // One hash for every generated account: hashing 5.6 million passwords would take days.
  const passwordHash = await hashPassword(ctx.config.demoPassword);
  const provinceRows: Array<{ id: string; path: string }> = [];
  const perBranch = opts.membersPerBranch ?? 22;
  const provinces = Math.max(1, Math.ceil(opts.members / 110_000));
  const now = nowIso();
  const orgBatch: OrgRow[] = [];
  let orgCount = 0;
  let branchCount = 0;
  let memberCount = 0;
  const flushOrgs = async () => {
    if (orgBatch.length === 0) return;
    await w.insertInto('orgs').values(orgBatch.splice(0)).execute();
  };
  const memberBatch: Insertable<DB['members']>[] = [];
  const accountBatch: Insertable<DB['accounts']>[] = [];
  const grantBatch: Insertable<DB['role_grants']>[] = [];
  /** Writes what is buffered (organisations first: members refer to them) and commits. */
  const flushAll = async () => {
    await flushOrgs();
    if (memberBatch.length) await w.insertInto('members').values(memberBatch.splice(0)).execute();
    if (accountBatch.length) await w.insertInto('accounts').values(accountBatch.splice(0)).execute();
    if (grantBatch.length) await w.insertInto('role_grants').values(grantBatch.splice(0)).execute();
    await w.commit().execute();
    w = await ctx.db.startTransaction().execute();
    opts.onProgress?.(memberCount, opts.members);
  };
  const org = (parent: OrgRow | null, type: string, name: string, provinceId?: string): OrgRow => {
    const id = newId();
    const path = childPath(parent?.path ?? null, id);
    const row: OrgRow = {
      id,
      parent_id: parent?.id ?? null,
      path,
      depth: parent ? parent.depth + 1 : 0,
      type_code: type,
      name,
      name_folded: fold(name),
      province_id: provinceId ?? id,
      status: 'active',
      closed_at: null,
      created_at: now,
      updated_at: now,
    };
    orgBatch.push(row);
    orgCount++;
    return row;
  };
  const root = provinces > 1 ? org(null, 'central_committee', 'Đảng bộ toàn quốc (dữ liệu tổng hợp)') : null;
  let remaining = opts.members;
  for (let p = 0; p < provinces; p++) {
    const province = org(root, 'province_committee', `Đảng bộ tỉnh Tổng Hợp ${p + 1}`);
    province.province_id = province.id;
    provinceRows.push({ id: province.id, path: province.path });
    const inProvince = Math.min(remaining, Math.ceil(opts.members / provinces));
    const branches = Math.max(1, Math.ceil(inProvince / perBranch));
    const communes = Math.max(1, Math.ceil(branches / 19));
    const districts = Math.max(1, Math.ceil(communes / 20));
    let branchNo = 0;
    for (let d = 0; d < districts; d++) {
      const district = org(
        province,
        'district_committee',
        `Đảng bộ huyện Tổng Hợp ${p + 1}.${d + 1}`,
        province.id,
      );
      for (let c = d; c < communes; c += districts) {
        const commune = org(
          district,
          'grassroots_committee',
          `Đảng bộ xã Tổng Hợp ${p + 1}.${c + 1}`,
          province.id,
        );
        for (let b = c; b < branches; b += communes) {
          const branch = org(
            commune,
            'branch',
            `${branchName(r, `Tổng Hợp ${c + 1}`, b)} (${++branchNo})`,
            province.id,
          );
          if (orgBatch.length >= 500) await flushOrgs();
          const size = Math.min(perBranch, inProvince - (branchNo - 1) * perBranch);
          if (size <= 0) continue;
          branchCount++;
          const rows = [];
          for (let m = 0; m < size; m++) {
            const n = ++memberCount;
            const person = personName(r);
            const birthYear = 1940 + Math.floor(r() * 62);
            const admitted = Math.min(2025, birthYear + 20 + Math.floor(r() * 20));
            rows.push({
              id: newId(),
              org_id: branch.id,
              org_path: branch.path,
              province_id: province.id,
              full_name: person.fullName,
              name_folded: fold(person.fullName),
              gender: person.gender,
              birth_date: isoDay(birthYear, Math.floor(r() * 360)),
              phone: `08${String(n).padStart(8, '0')}`,
              card_number: `9${String(n).padStart(9, '0')}`,
              admitted_on: isoDay(admitted, Math.floor(r() * 360)),
              full_member_on: isoDay(admitted + 1, Math.floor(r() * 360)),
              kind: 'full' as const,
              status:
                r() < 0.08
                  ? ('working_away' as const)
                  : r() < 0.1
                    ? ('exempt' as const)
                    : ('active' as const),
              host_org_id: null,
              position: pick(r, POSITIONS),
              created_at: now,
              updated_at: now,
              erased_at: null,
            });
          }
          memberBatch.push(...rows);
          // Every member can sign in (dv<n>); the first of each branch is its secretary.
          const accounts = rows.map((m, i) => ({
            id: newId(),
            login: generatedLogin(memberCount - rows.length + i + 1),
            member_id: m.id,
            password_hash: passwordHash,
            must_change_password: 0,
            preferences: '{}',
            created_at: now,
            updated_at: now,
            disabled_at: null,
          }));
          accountBatch.push(...accounts);
          grantBatch.push({
            id: newId(),
            account_id: accounts[0]!.id,
            org_id: branch.id,
            role: 'secretary',
            granted_at: now,
            granted_by: null,
          });
          if (memberBatch.length >= 1500) await flushAll();
        }
      }
    }
    remaining -= inProvince;
  }
  await flushAll();
  await w.commit().execute();
  // An administrator of the whole dataset, for benchmarks of committee views (login `quantri`).
  const adminOrg = root ?? provinceRows[0]!;
  const adminId = newId();
  await ctx.db
    .insertInto('accounts')
    .values({
      id: adminId,
      login: 'quantri',
      member_id: null,
      password_hash: passwordHash,
      must_change_password: 0,
      preferences: '{}',
      created_at: now,
      updated_at: now,
      disabled_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('role_grants')
    .values({
      id: newId(),
      account_id: adminId,
      org_id: adminOrg.id,
      role: 'admin',
      granted_at: now,
      granted_by: null,
    })
    .execute();
  const counts: Record<string, number> = { orgs: orgCount, members: memberCount, accounts: memberCount + 1 };
  const info: DatasetInfo = {
    seed: opts.seed ?? 42,
    now,
    provinces: provinceRows,
    orgs: orgCount,
    branches: branchCount,
    members: memberCount,
  };
  // Loaded here, not imported above: the plugins import this module for branchBatches.
  const plugins = opts.plugins ?? (await import('./plugins.ts')).DATASET_PLUGINS;
  for (const plugin of plugins) {
    opts.onPart?.(plugin.name);
    const part = await plugin.generate(ctx, info, (done, total) => opts.onProgress?.(done, total));
    Object.assign(counts, part);
  }
  await mutate(ctx, { accountId: null, ip: null, requestId: 'generate' }, (uow) =>
    uow.audit({
      action: 'dataset.generate',
      entityType: 'dataset',
      entityId: 'synthetic',
      orgPath: null,
      after: counts,
    }),
  );
  return { ...counts, orgs: orgCount, members: memberCount };
}
