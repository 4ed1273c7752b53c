// A realistic monthly report of a party branch: ~30 indicators the commune and district committees ask
// for, with the checks they apply. Used by the demo data and the benchmark.

import type { Indicator, TemplateDraft, ValidationRule } from './domain/index.ts';

const n = (
  code: string,
  name: string,
  aggregation: 'sum' | 'last_value' | 'average_over_time_sum_over_orgs',
  unit = 'người',
  extra: Partial<Indicator> = {},
): Indicator =>
  ({ kind: 'data', code, name, unit, valueType: 'non_negative_integer', aggregation, ...extra }) as Indicator;

const SEX = [
  {
    code: 'gioi',
    name: 'Giới tính',
    options: [
      { code: 'nam', name: 'Nam' },
      { code: 'nu', name: 'Nữ' },
    ],
  },
];

export const DEMO_INDICATORS: Indicator[] = [
  n('DV_TONG', 'Tổng số đảng viên', 'last_value'),
  n('DV_NU', 'Đảng viên nữ', 'last_value'),
  n('DV_DU_BI', 'Đảng viên dự bị', 'last_value'),
  n('DV_MIEN_SH', 'Đảng viên được miễn sinh hoạt', 'last_value'),
  n('DV_MOI', 'Đảng viên mới kết nạp', 'sum', 'người', { categories: SEX }),
  n('DV_CHINH_THUC', 'Đảng viên dự bị được công nhận chính thức', 'sum'),
  n('DV_CHUYEN_DEN', 'Đảng viên chuyển sinh hoạt đến', 'sum'),
  n('DV_CHUYEN_DI', 'Đảng viên chuyển sinh hoạt đi', 'sum'),
  n('DV_TU_TRAN', 'Đảng viên từ trần', 'sum'),
  n('DV_XOA_TEN', 'Đảng viên bị xóa tên, khai trừ', 'sum'),
  n('QUAN_CHUNG_UT', 'Quần chúng ưu tú đang bồi dưỡng', 'last_value'),
  n('HUY_HIEU', 'Đảng viên được trao Huy hiệu Đảng', 'sum'),
  n('SH_THUONG_KY', 'Số buổi sinh hoạt thường kỳ', 'sum', 'buổi', { max: 5 }),
  n('SH_CHUYEN_DE', 'Số buổi sinh hoạt chuyên đề', 'sum', 'buổi', { max: 5 }),
  n('DV_PHAI_DU', 'Số đảng viên phải dự sinh hoạt', 'average_over_time_sum_over_orgs'),
  n('DV_DU_HOP', 'Số đảng viên dự sinh hoạt', 'average_over_time_sum_over_orgs'),
  n('DV_VANG_CO_LD', 'Số đảng viên vắng có lý do', 'average_over_time_sum_over_orgs'),
  {
    kind: 'data',
    code: 'CO_BIEN_BAN',
    name: 'Có biên bản sinh hoạt đầy đủ',
    valueType: 'yes_no',
    aggregation: 'sum',
  },
  {
    kind: 'data',
    code: 'DANG_PHI_THU',
    name: 'Đảng phí thu trong tháng',
    unit: 'đồng',
    valueType: 'decimal',
    aggregation: 'sum',
    min: 0,
  },
  {
    kind: 'data',
    code: 'DANG_PHI_NOP',
    name: 'Đảng phí nộp cấp trên',
    unit: 'đồng',
    valueType: 'decimal',
    aggregation: 'sum',
    min: 0,
  },
  n('DV_DONG_DU', 'Đảng viên đóng đảng phí đầy đủ', 'average_over_time_sum_over_orgs'),
  n('KT_GIAM_SAT', 'Số cuộc kiểm tra, giám sát', 'sum', 'cuộc'),
  n('DV_KY_LUAT', 'Đảng viên bị kỷ luật', 'sum'),
  n('DON_THU', 'Ý kiến, kiến nghị tiếp nhận', 'sum', 'việc'),
  n('DON_THU_GQ', 'Ý kiến, kiến nghị đã giải quyết', 'sum', 'việc'),
  n('DV_HOC_NQ', 'Lượt đảng viên học tập nghị quyết', 'sum', 'lượt'),
  n('DV_PHAN_CONG', 'Đảng viên được phân công nhiệm vụ', 'average_over_time_sum_over_orgs'),
  {
    kind: 'formula',
    code: 'TY_LE_DU_HOP',
    name: 'Tỷ lệ đảng viên dự sinh hoạt',
    unit: '%',
    numerator: 'DV_DU_HOP',
    denominator: 'DV_PHAI_DU',
    factor: 100,
    decimals: 1,
  },
  {
    kind: 'formula',
    code: 'TY_LE_DONG_DU',
    name: 'Tỷ lệ đóng đảng phí đầy đủ',
    unit: '%',
    numerator: 'DV_DONG_DU',
    denominator: 'DV_TONG',
    factor: 100,
    decimals: 1,
  },
  {
    kind: 'formula',
    code: 'TY_LE_NU',
    name: 'Tỷ lệ đảng viên nữ',
    unit: '%',
    numerator: 'DV_NU',
    denominator: 'DV_TONG',
    factor: 100,
    decimals: 1,
  },
  {
    kind: 'formula',
    code: 'TY_LE_PHAN_CONG',
    name: 'Tỷ lệ đảng viên được phân công nhiệm vụ',
    unit: '%',
    numerator: 'DV_PHAN_CONG',
    denominator: 'DV_TONG',
    factor: 100,
    decimals: 1,
  },
];

const item = (indicator: string, required = true, prefill?: string) =>
  ({ kind: 'indicator', indicator, required, ...(prefill ? { prefill } : {}) }) as const;

export const DEMO_TEMPLATE: TemplateDraft = {
  code: 'BC_CHI_BO_THANG',
  name: 'Báo cáo tháng của chi bộ',
  periodType: 'monthly',
  sections: [
    {
      code: 'I',
      title: 'I. Tình hình đảng viên',
      items: [
        item('DV_TONG', true, 'members.count'),
        item('DV_NU', true, 'members.female'),
        item('DV_DU_BI', true, 'members.probationary'),
        item('DV_MIEN_SH', true, 'members.exempt'),
        item('DV_MOI', false),
        item('DV_CHINH_THUC', false),
        item('DV_CHUYEN_DEN', false),
        item('DV_CHUYEN_DI', false),
        item('DV_TU_TRAN', false),
        item('DV_XOA_TEN', false),
        item('QUAN_CHUNG_UT', false),
        item('HUY_HIEU', false),
        item('TY_LE_NU', false),
      ],
    },
    {
      code: 'II',
      title: 'II. Sinh hoạt chi bộ',
      items: [
        item('SH_THUONG_KY', true, 'meetings.regular_held'),
        item('SH_CHUYEN_DE', false, 'meetings.themed_held'),
        item('DV_PHAI_DU'),
        item('DV_DU_HOP', true, 'meetings.present'),
        item('DV_VANG_CO_LD', false, 'meetings.absent_with_reason'),
        item('TY_LE_DU_HOP', false),
        item('CO_BIEN_BAN'),
      ],
    },
    {
      code: 'III',
      title: 'III. Đảng phí',
      items: [item('DANG_PHI_THU'), item('DANG_PHI_NOP'), item('DV_DONG_DU'), item('TY_LE_DONG_DU', false)],
    },
    {
      code: 'IV',
      title: 'IV. Kiểm tra, giám sát và công tác khác',
      items: [
        item('KT_GIAM_SAT', false),
        item('DV_KY_LUAT', false),
        item('DON_THU', false),
        item('DON_THU_GQ', false),
        item('DV_HOC_NQ', false),
        item('DV_PHAN_CONG', false),
        item('TY_LE_PHAN_CONG', false),
        { kind: 'text', code: 'NHAN_XET', label: 'Nhận xét, kiến nghị với cấp ủy cấp trên', required: false },
      ],
    },
  ],
};

export const DEMO_RULES: ValidationRule[] = [
  {
    code: 'NU_LE_TONG',
    name: 'Số đảng viên nữ không vượt quá tổng số',
    expression: 'DV_NU <= DV_TONG',
    severity: 'error',
  },
  {
    code: 'PHAI_DU_LE_TONG',
    name: 'Số phải dự sinh hoạt không vượt quá tổng số',
    expression: 'DV_PHAI_DU <= DV_TONG',
    severity: 'error',
  },
  {
    code: 'DU_HOP_LE_PHAI_DU',
    name: 'Số dự sinh hoạt không vượt quá số phải dự',
    expression: 'DV_DU_HOP <= DV_PHAI_DU',
    severity: 'error',
  },
  {
    code: 'NOP_LE_THU',
    name: 'Đảng phí nộp cấp trên không vượt quá số thu',
    expression: 'DANG_PHI_NOP <= DANG_PHI_THU',
    severity: 'error',
  },
  {
    code: 'DONG_DU_LE_TONG',
    name: 'Số đóng đảng phí đầy đủ không vượt quá tổng số',
    expression: 'DV_DONG_DU <= DV_TONG',
    severity: 'error',
  },
  {
    code: 'CO_SINH_HOAT',
    name: 'Chi bộ sinh hoạt thường kỳ ít nhất một lần mỗi tháng',
    expression: 'SH_THUONG_KY >= 1',
    severity: 'warning',
    instruction: 'Nếu không sinh hoạt, ghi rõ lý do.',
  },
  {
    code: 'DU_HOP_TREN_HAI_PHAN_BA',
    name: 'Tỷ lệ dự sinh hoạt từ hai phần ba trở lên',
    expression: 'DV_DU_HOP * 3 >= DV_PHAI_DU * 2',
    severity: 'warning',
    instruction: 'Giải trình lý do vắng nhiều.',
  },
  {
    code: 'GIAI_QUYET_LE_TIEP_NHAN',
    name: 'Số kiến nghị đã giải quyết không vượt quá số tiếp nhận',
    expression: 'DON_THU_GQ <= DON_THU',
    severity: 'warning',
    missingValues: 'skip_if_all_missing',
  },
];

/** Plausible monthly figures for a branch of `members` members (r: a seeded random source). */
export function demoValues(
  r: () => number,
  members: { total: number; female: number; probationary: number; exempt: number },
): Record<string, number | boolean> {
  const k = (max: number, p = 0.3) => (r() < p ? Math.floor(r() * (max + 1)) : 0);
  const mustAttend = Math.max(0, members.total - members.exempt);
  const attended = Math.max(0, mustAttend - Math.floor(r() * Math.max(1, mustAttend * 0.25)));
  const fee = members.total * (10_000 + Math.floor(r() * 6) * 5_000);
  const fullyPaid = Math.max(0, members.total - k(2, 0.3));
  const received = k(3, 0.35);
  return {
    DV_TONG: members.total,
    DV_NU: members.female,
    DV_DU_BI: members.probationary,
    DV_MIEN_SH: members.exempt,
    'DV_MOI[nam]': k(1, 0.1),
    'DV_MOI[nu]': k(1, 0.08),
    DV_CHINH_THUC: k(1, 0.1),
    DV_CHUYEN_DEN: k(1, 0.05),
    DV_CHUYEN_DI: k(1, 0.05),
    DV_TU_TRAN: k(1, 0.04),
    DV_XOA_TEN: 0,
    QUAN_CHUNG_UT: Math.floor(r() * 4),
    HUY_HIEU: k(2, 0.08),
    SH_THUONG_KY: 1,
    SH_CHUYEN_DE: r() < 0.3 ? 1 : 0,
    DV_PHAI_DU: mustAttend,
    DV_DU_HOP: Math.max(attended, Math.ceil((mustAttend * 2) / 3)),
    DV_VANG_CO_LD: Math.min(mustAttend - attended, 3),
    CO_BIEN_BAN: r() > 0.05,
    DANG_PHI_THU: fee,
    DANG_PHI_NOP: Math.round(fee * 0.3),
    DV_DONG_DU: fullyPaid,
    KT_GIAM_SAT: k(1, 0.2),
    DV_KY_LUAT: 0,
    DON_THU: received,
    DON_THU_GQ: Math.min(received, k(3, 0.5)),
    DV_HOC_NQ: r() < 0.4 ? Math.floor(mustAttend * 0.9) : 0,
    DV_PHAN_CONG: Math.floor(members.total * (0.6 + r() * 0.35)),
  };
}
