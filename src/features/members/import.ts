import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import type { Org } from '../orgs/queries.ts';
import { validateMember, FIELD_LABELS, type MemberInput } from './input.ts';
import { insertMember, requireBranch } from './service.ts';
import type { SheetRow } from './spreadsheet.ts';

async function existing(
  uow: UnitOfWork,
  field: 'card_number' | 'phone',
  values: string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < values.length; i += 500) {
    const rows = await uow.trx
      .selectFrom('members')
      .select(field)
      .where(field, 'in', values.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r[field]) found.add(r[field] as string);
  }
  return found;
}

/**
 * Validates every row first and reports all problems (row, column, why); only a fully valid file is written,
 * inside the caller's transaction, so nothing is ever half-imported.
 */
export async function importMembers(
  uow: UnitOfWork,
  org: Org,
  rows: SheetRow[],
): Promise<{ imported: number }> {
  await requireBranch(uow, org);
  const errors: ErrorDetail[] = [];
  const valid: Array<{ row: number; input: MemberInput }> = [];
  for (const r of rows) {
    const { value, errors: rowErrors } = validateMember(r.raw);
    for (const e of rowErrors)
      errors.push({ ...e, row: r.row, message: `Dòng ${r.row}, cột "${e.column}": ${e.message}` });
    if (value) valid.push({ row: r.row, input: value });
  }
  if (rows.length === 0) {
    errors.push({ row: 0, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.' });
  }
  const seen = { cardNumber: new Map<string, number>(), phone: new Map<string, number>() };
  for (const v of valid) {
    for (const field of ['cardNumber', 'phone'] as const) {
      const value = v.input[field];
      if (!value) continue;
      const first = seen[field].get(value);
      if (first !== undefined) {
        errors.push({
          row: v.row,
          column: FIELD_LABELS[field],
          field,
          message: `Dòng ${v.row}, cột "${FIELD_LABELS[field]}": trùng với dòng ${first}.`,
        });
      } else seen[field].set(value, v.row);
    }
  }
  const takenCards = await existing(uow, 'card_number', [...seen.cardNumber.keys()]);
  const takenPhones = await existing(uow, 'phone', [...seen.phone.keys()]);
  for (const v of valid) {
    if (v.input.cardNumber && takenCards.has(v.input.cardNumber)) {
      errors.push({
        row: v.row,
        column: FIELD_LABELS.cardNumber,
        field: 'cardNumber',
        message: `Dòng ${v.row}, cột "${FIELD_LABELS.cardNumber}": số thẻ đảng đã có trong hệ thống.`,
      });
    }
    if (v.input.phone && takenPhones.has(v.input.phone)) {
      errors.push({
        row: v.row,
        column: FIELD_LABELS.phone,
        field: 'phone',
        message: `Dòng ${v.row}, cột "${FIELD_LABELS.phone}": số điện thoại đã có trong hệ thống.`,
      });
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw new AppError('IMPORT_INVALID_ROWS', { details: errors.slice(0, 500) });
  }
  const ids: string[] = [];
  for (const v of valid) ids.push(await insertMember(uow, org, v.input));
  await uow.audit({
    action: 'member.import',
    entityType: 'org',
    entityId: org.id,
    orgPath: org.path,
    after: { count: ids.length, memberIds: ids },
  });
  uow.emit({ topic: 'member.imported', payload: { orgId: org.id, count: ids.length } });
  return { imported: ids.length };
}
