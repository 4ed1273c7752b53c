import { sql } from 'kysely';
import { nowIso } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import { fold } from '../../text/fold.ts';
import { childPath, depthOf } from './paths.ts';
import { runOrgMoveSteps } from './move-steps.ts';
import { childCount, findOrg, findOrgType, memberCountUnder, type Org } from './queries.ts';
import {
  supervisionOrgClosed,
  supervisionOrgCreated,
  supervisionOrgMoved,
} from '../supervision/org-changes.ts';
import './errors.ts';

async function checkParentType(uow: UnitOfWork, typeCode: string, parentType: string | null): Promise<void> {
  const type = await findOrgType(uow.trx, typeCode);
  if (!type) throw new AppError('ORG_TYPE_UNKNOWN');
  const allowed = JSON.parse(type.parent_types) as string[];
  if (!allowed.includes(parentType ?? 'root')) {
    throw new AppError('ORG_PARENT_TYPE_INVALID');
  }
}

function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The province-level ancestor partitions a country's data; a root that is not a province is its own. */
function provinceFor(id: string, type: string, parent: Org | null): string {
  if (type === 'province_committee' || !parent) return id;
  return parent.type === 'province_committee' ? parent.id : parent.provinceId;
}

export async function createOrg(
  uow: UnitOfWork,
  input: { parentId: string | null; name: string; type: string; id?: string },
): Promise<Org> {
  const parent = input.parentId ? await findOrg(uow.trx, input.parentId) : null;
  if (input.parentId && !parent) throw notFound();
  if (parent?.status === 'closed') throw new AppError('ORG_CLOSED');
  await checkParentType(uow, input.type, parent?.type ?? null);
  const id = input.id ?? newId();
  const path = childPath(parent?.path ?? null, id);
  const now = nowIso();
  const name = cleanName(input.name);
  await uow.trx
    .insertInto('orgs')
    .values({
      id,
      parent_id: parent?.id ?? null,
      path,
      depth: depthOf(path),
      type_code: input.type,
      name,
      name_folded: fold(name),
      province_id: provinceFor(id, input.type, parent),
      status: 'active',
      closed_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const org = (await findOrg(uow.trx, id))!;
  await supervisionOrgCreated(uow.trx, org);
  await uow.audit({ action: 'org.create', entityType: 'org', entityId: id, orgPath: path, after: org });
  uow.emit({ topic: 'org.created', payload: { orgId: id, path } });
  return org;
}

export async function renameOrg(uow: UnitOfWork, org: Org, name: string): Promise<Org> {
  if (org.status === 'closed') throw new AppError('ORG_CLOSED');
  const clean = cleanName(name);
  await uow.trx
    .updateTable('orgs')
    .set({ name: clean, name_folded: fold(clean), updated_at: nowIso() })
    .where('id', '=', org.id)
    .execute();
  const after = (await findOrg(uow.trx, org.id))!;
  await uow.audit({
    action: 'org.rename',
    entityType: 'org',
    entityId: org.id,
    orgPath: org.path,
    before: { name: org.name },
    after: { name: clean },
  });
  return after;
}

/** Moves a whole subtree: one prefix rewrite for organisations and one for members, in the same transaction. */
export async function moveOrg(uow: UnitOfWork, org: Org, newParent: Org): Promise<Org> {
  if (!org.parentId) throw new AppError('ORG_ROOT_IMMOVABLE');
  if (org.status === 'closed' || newParent.status === 'closed') throw new AppError('ORG_CLOSED');
  if (newParent.path.startsWith(org.path)) throw new AppError('ORG_MOVE_INTO_ITSELF');
  await checkParentType(uow, org.type, newParent.type);
  const oldPath = org.path;
  const newPath = childPath(newParent.path, org.id);
  const [lo, hi] = subtreeBounds(oldPath);
  const cut = oldPath.length + 1;
  const depthShift = depthOf(newPath) - depthOf(oldPath);
  const newProvince = provinceFor(org.id, org.type, newParent);
  const provinceChanges = newProvince !== org.provinceId;
  await uow.trx
    .updateTable('orgs')
    .set({
      path: sql<string>`${newPath} || substr(path, ${cut})`,
      depth: sql<number>`depth + ${depthShift}`,
      ...(provinceChanges ? { province_id: newProvince } : {}),
      updated_at: nowIso(),
    })
    .where('path', '>=', lo)
    .where('path', '<', hi)
    .execute();
  await uow.trx.updateTable('orgs').set({ parent_id: newParent.id }).where('id', '=', org.id).execute();
  await uow.trx
    .updateTable('members')
    .set({
      org_path: sql<string>`${newPath} || substr(org_path, ${cut})`,
      ...(provinceChanges ? { province_id: newProvince } : {}),
    })
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .execute();
  // Supervision sums move with the subtree in this transaction: no moment where a committee's figures still
  // include a branch that is no longer under it.
  await supervisionOrgMoved(uow.trx, org, oldPath, newPath);
  await runOrgMoveSteps(uow, {
    orgId: org.id,
    oldPath,
    newPath,
    oldParentId: org.parentId,
    newParentId: newParent.id,
  });
  const after = (await findOrg(uow.trx, org.id))!;
  await uow.audit({
    action: 'org.move',
    entityType: 'org',
    entityId: org.id,
    orgPath: newPath,
    before: { parentId: org.parentId, path: oldPath },
    after: { parentId: newParent.id, path: newPath },
  });
  uow.emit({ topic: 'org.moved', payload: { orgId: org.id, oldPath, newPath } });
  return after;
}

/** Closing keeps the row and its history; only an empty organisation can be closed. */
export async function closeOrg(uow: UnitOfWork, org: Org): Promise<Org> {
  if (org.status === 'closed') throw new AppError('ORG_CLOSED');
  if ((await childCount(uow.trx, org.id)) > 0) throw new AppError('ORG_HAS_ACTIVE_CHILDREN');
  if ((await memberCountUnder(uow.trx, org.path)) > 0) throw new AppError('ORG_HAS_MEMBERS');
  const now = nowIso();
  await uow.trx
    .updateTable('orgs')
    .set({ status: 'closed', closed_at: now, updated_at: now })
    .where('id', '=', org.id)
    .execute();
  await supervisionOrgClosed(uow.trx, org);
  await uow.audit({
    action: 'org.close',
    entityType: 'org',
    entityId: org.id,
    orgPath: org.path,
    before: { status: 'active' },
    after: { status: 'closed' },
  });
  return (await findOrg(uow.trx, org.id))!;
}
