import { describe, expect, it } from 'vitest';
import {
  createTemplate,
  enterableIndicators,
  isComplete,
  missingRequired,
  reviseTemplate,
  validateTemplate,
  type ReportEntry,
} from './templates.ts';
import { catalogue, MONTHLY_TEMPLATE } from './test-fixtures.ts';

const cat = catalogue();

const fullEntry: ReportEntry = {
  values: {
    DV_TONG: 32,
    DV_MIEN: 4,
    DV_CO_MAT: 26,
    'DV_MOI[nam.duoi_30]': 1,
    'DV_MOI[nam.tu_30]': 0,
    'DV_MOI[nu.duoi_30]': 1,
    'DV_MOI[nu.tu_30]': 0,
  },
  texts: { DANH_GIA: 'Chi bộ hoàn thành tốt nhiệm vụ, sinh hoạt đúng quy trình.' },
  attachments: { BIEN_BAN: 1 },
};

describe('templates', () => {
  it('creates version 1 and validates it', () => {
    const { version: _v, ...draft } = MONTHLY_TEMPLATE;
    const r = createTemplate(draft, cat);
    expect(r).toMatchObject({ ok: true, value: { version: 1, code: 'BC_THANG_CHI_BO' } });
    expect(enterableIndicators(MONTHLY_TEMPLATE, cat)).toEqual([
      'DV_TONG',
      'DV_MIEN',
      'DV_CO_MAT',
      'DV_MOI',
      'CO_CHUYEN_DE',
    ]);
  });

  it('revising makes a new version and leaves the old one untouched', () => {
    const before = structuredClone(MONTHLY_TEMPLATE);
    const r = reviseTemplate(
      MONTHLY_TEMPLATE,
      {
        name: 'Báo cáo tháng của chi bộ (sửa đổi 2026)',
        sections: [
          ...MONTHLY_TEMPLATE.sections,
          {
            code: 'IV',
            title: 'Đảng phí',
            items: [{ kind: 'indicator', indicator: 'DANG_PHI', required: true }],
          },
        ],
      },
      cat,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(2);
    expect(r.value.code).toBe('BC_THANG_CHI_BO');
    expect(r.value.sections).toHaveLength(4);
    expect(MONTHLY_TEMPLATE).toEqual(before);
    // The new version is a deep copy: editing it cannot reach the old one.
    r.value.sections[0]?.items.pop();
    expect(MONTHLY_TEMPLATE).toEqual(before);
    // A report made with version 1 still sees version 1's requirements (no DANG_PHI).
    expect(isComplete(MONTHLY_TEMPLATE, cat, fullEntry)).toBe(true);
    expect(missingRequired(r.value, cat, fullEntry).map((m) => m.key)).toEqual(['DANG_PHI']);
  });

  it('refuses inconsistent templates, listing every problem', () => {
    const r = validateTemplate(
      {
        ...MONTHLY_TEMPLATE,
        name: ' ',
        sections: [
          { code: 'I', title: 'A', items: [{ kind: 'indicator', indicator: 'KHONG_CO', required: true }] },
          {
            code: 'I',
            title: 'B',
            items: [
              { kind: 'indicator', indicator: 'TY_LE_DU_HOP', required: true },
              { kind: 'indicator', indicator: 'DV_TONG', required: true },
              { kind: 'indicator', indicator: 'DV_TONG', required: false },
              { kind: 'attachment', code: 'F', label: 'Tệp', required: false, maxFiles: 0 },
            ],
          },
        ],
      },
      cat,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('REPORT_TEMPLATE_INVALID');
    expect(r.error.details?.problems).toEqual([
      'Mẫu báo cáo chưa có tên.',
      'Không có chỉ tiêu mã “KHONG_CO”.',
      'Mã phần “I” bị trùng.',
      'Chỉ tiêu «Tỷ lệ đảng viên dự sinh hoạt» được tính tự động nên không thể bắt buộc nhập.',
      '“DV_TONG” xuất hiện hai lần trong mẫu.',
      'Mục đính kèm “Tệp” phải cho phép ít nhất một tệp.',
    ]);
  });
});

describe('completeness without a button', () => {
  it('is complete when every required value, text and attachment is present', () => {
    expect(missingRequired(MONTHLY_TEMPLATE, cat, fullEntry)).toEqual([]);
  });

  it('a zero is a value; an empty text or a missing combo is not', () => {
    const entry: ReportEntry = {
      ...fullEntry,
      values: { ...fullEntry.values, DV_MIEN: 0, 'DV_MOI[nu.tu_30]': undefined as never },
      texts: { DANH_GIA: '   ' },
      attachments: {},
    };
    expect(missingRequired(MONTHLY_TEMPLATE, cat, entry)).toEqual([
      {
        section: 'II',
        kind: 'indicator',
        key: 'DV_MOI[nu.tu_30]',
        label: 'Số đảng viên mới kết nạp — Nữ, Từ 30 tuổi trở lên',
      },
      { section: 'III', kind: 'text', key: 'DANH_GIA', label: 'Đánh giá kết quả lãnh đạo trong tháng' },
      { section: 'III', kind: 'attachment', key: 'BIEN_BAN', label: 'Biên bản sinh hoạt chi bộ' },
    ]);
    expect(isComplete(MONTHLY_TEMPLATE, cat, entry)).toBe(false);
  });

  it('optional items never make a report incomplete', () => {
    const entry: ReportEntry = { ...fullEntry, values: { ...fullEntry.values } };
    expect(entry.values.CO_CHUYEN_DE).toBeUndefined();
    expect(isComplete(MONTHLY_TEMPLATE, cat, entry)).toBe(true);
  });
});
