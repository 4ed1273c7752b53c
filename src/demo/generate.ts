import type { AppContext } from '../platform/context.ts';
import { mutate } from '../platform/context.ts';
import { nowIso } from '../platform/db/database.ts';
import { newId } from '../platform/ids.ts';
import { fold } from '../text/fold.ts';
import { childPath } from '../features/orgs/paths.ts';
import { POSITIONS, branchName, isoDay, personName, pick, rng } from './names.ts';

export interface GenerateOptions {
  members: number;
  membersPerBranch?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
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
): Promise<{ orgs: number; members: number }> {
  const r = rng(opts.seed ?? 42);
  const perBranch = opts.membersPerBranch ?? 22;
  const provinces = Math.max(1, Math.ceil(opts.members / 110_000));
  const now = nowIso();
  const orgBatch: OrgRow[] = [];
  let orgCount = 0;
  let memberCount = 0;
  const flushOrgs = async () => {
    if (orgBatch.length === 0) return;
    await ctx.db.insertInto('orgs').values(orgBatch.splice(0)).execute();
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
          await flushOrgs();
          const size = Math.min(perBranch, inProvince - (branchNo - 1) * perBranch);
          if (size <= 0) continue;
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
          await ctx.db.insertInto('members').values(rows).execute();
          opts.onProgress?.(memberCount, opts.members);
        }
      }
    }
    remaining -= inProvince;
  }
  await flushOrgs();
  await mutate(ctx, { accountId: null, ip: null, requestId: 'generate' }, (uow) =>
    uow.audit({
      action: 'dataset.generate',
      entityType: 'dataset',
      entityId: 'synthetic',
      orgPath: null,
      after: { orgs: orgCount, members: memberCount },
    }),
  );
  return { orgs: orgCount, members: memberCount };
}
