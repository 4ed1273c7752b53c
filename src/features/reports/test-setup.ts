// Shared set-up for the HTTP tests of reports: a small catalogue, a monthly template with one error and
// one warning rule, assigned by the province to every branch.

import type { Client } from '../../../test/support/test-app.ts';

export const TEST_INDICATORS = [
  {
    kind: 'data',
    code: 'DV_TONG',
    name: 'Tổng số đảng viên',
    unit: 'người',
    valueType: 'non_negative_integer',
    aggregation: 'last_value',
  },
  {
    kind: 'data',
    code: 'DV_MOI',
    name: 'Đảng viên mới kết nạp',
    unit: 'người',
    valueType: 'non_negative_integer',
    aggregation: 'sum',
    categories: [
      {
        code: 'gioi',
        name: 'Giới tính',
        options: [
          { code: 'nam', name: 'Nam' },
          { code: 'nu', name: 'Nữ' },
        ],
      },
    ],
  },
  {
    kind: 'data',
    code: 'SO_BUOI',
    name: 'Số buổi sinh hoạt',
    unit: 'buổi',
    valueType: 'non_negative_integer',
    aggregation: 'sum',
    max: 31,
  },
  {
    kind: 'data',
    code: 'DV_DU_HOP',
    name: 'Số đảng viên dự sinh hoạt',
    unit: 'người',
    valueType: 'non_negative_integer',
    aggregation: 'average_over_time_sum_over_orgs',
  },
  {
    kind: 'data',
    code: 'DANG_PHI',
    name: 'Đảng phí thu được',
    unit: 'đồng',
    valueType: 'decimal',
    aggregation: 'sum',
    min: 0,
  },
  {
    kind: 'formula',
    code: 'TY_LE_DU_HOP',
    name: 'Tỷ lệ đảng viên dự sinh hoạt',
    unit: '%',
    numerator: 'DV_DU_HOP',
    denominator: 'DV_TONG',
    factor: 100,
    decimals: 1,
  },
] as const;

export const TEST_TEMPLATE = {
  code: 'BC_THANG',
  name: 'Báo cáo tháng của chi bộ',
  periodType: 'monthly',
  sections: [
    {
      code: 'I',
      title: 'Đảng viên',
      items: [
        { kind: 'indicator', indicator: 'DV_TONG', required: true, prefill: 'members.count' },
        { kind: 'indicator', indicator: 'DV_MOI', required: false },
      ],
    },
    {
      code: 'II',
      title: 'Sinh hoạt chi bộ',
      items: [
        { kind: 'indicator', indicator: 'SO_BUOI', required: true, prefill: 'meetings.regular_held' },
        { kind: 'indicator', indicator: 'DV_DU_HOP', required: true, prefill: 'meetings.present' },
        { kind: 'indicator', indicator: 'TY_LE_DU_HOP', required: false },
        { kind: 'indicator', indicator: 'DANG_PHI', required: false },
        { kind: 'text', code: 'GHI_CHU', label: 'Nhận xét, kiến nghị', required: false },
      ],
    },
  ],
  rules: [
    {
      code: 'DU_HOP_LE_TONG',
      name: 'Số dự họp không vượt quá tổng số đảng viên',
      expression: 'DV_DU_HOP <= DV_TONG',
      severity: 'error',
    },
    {
      code: 'CO_SINH_HOAT',
      name: 'Chi bộ sinh hoạt ít nhất một lần trong tháng',
      expression: 'SO_BUOI >= 1',
      severity: 'warning',
    },
  ],
};

/** Catalogue, template and assignment, made by a province committee account. */
export async function setUpReporting(province: Client, provinceId: string): Promise<void> {
  for (const indicator of TEST_INDICATORS) {
    const res = await province.post('/api/v1/report-indicators', { orgId: provinceId, indicator });
    if (res.statusCode !== 201) throw new Error(`indicator ${indicator.code}: ${res.body}`);
  }
  const tpl = await province.post('/api/v1/report-templates', { orgId: provinceId, ...TEST_TEMPLATE });
  if (tpl.statusCode !== 201) throw new Error(`template: ${tpl.body}`);
  const asg = await province.post('/api/v1/report-assignments', {
    committeeId: provinceId,
    templateCode: 'BC_THANG',
    target: { kind: 'org_types', orgTypes: ['branch'] },
    periodType: 'monthly',
    deadlineDays: 5,
    lockAfterDays: 10,
    activeFrom: '2025-01-01',
  });
  if (asg.statusCode !== 201) throw new Error(`assignment: ${asg.body}`);
}
