// Realistic test data for the reporting domain (Thái Bình organisations, monthly branch report).

import { buildCatalogue, type Catalogue, type Indicator } from './indicators.ts';
import type { ReportTemplate } from './templates.ts';
import { buildTree, type OrgTree, type OrgUnit } from './tree.ts';

export const INDICATORS: Indicator[] = [
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
    code: 'DV_MIEN',
    name: 'Số đảng viên miễn sinh hoạt',
    unit: 'người',
    valueType: 'non_negative_integer',
    aggregation: 'last_value',
  },
  {
    kind: 'data',
    code: 'DV_CO_MAT',
    name: 'Số đảng viên dự sinh hoạt',
    unit: 'người',
    valueType: 'non_negative_integer',
    aggregation: 'average_over_time_sum_over_orgs',
  },
  {
    kind: 'data',
    code: 'SO_BUOI',
    name: 'Số buổi sinh hoạt chi bộ',
    unit: 'buổi',
    valueType: 'non_negative_integer',
    aggregation: 'sum',
    max: 31,
  },
  {
    kind: 'data',
    code: 'DV_MOI',
    name: 'Số đảng viên mới kết nạp',
    unit: 'người',
    valueType: 'non_negative_integer',
    aggregation: 'sum',
    categories: [
      {
        code: 'gioi_tinh',
        name: 'Giới tính',
        options: [
          { code: 'nam', name: 'Nam' },
          { code: 'nu', name: 'Nữ' },
        ],
      },
      {
        code: 'do_tuoi',
        name: 'Độ tuổi',
        options: [
          { code: 'duoi_30', name: 'Dưới 30 tuổi' },
          { code: 'tu_30', name: 'Từ 30 tuổi trở lên' },
        ],
      },
    ],
  },
  {
    kind: 'data',
    code: 'CO_CHUYEN_DE',
    name: 'Có sinh hoạt chuyên đề',
    valueType: 'yes_no',
    aggregation: 'sum',
  },
  {
    kind: 'data',
    code: 'DANG_PHI',
    name: 'Đảng phí thu được',
    unit: 'nghìn đồng',
    valueType: 'decimal',
    aggregation: 'sum',
    min: 0,
  },
  {
    kind: 'data',
    code: 'NHIET_DO',
    name: 'Nhiệt độ trung bình',
    unit: '°C',
    valueType: 'integer',
    aggregation: 'none',
    min: -10,
    max: 50,
  },
  {
    kind: 'data',
    code: 'KIEN_NGHI',
    name: 'Ý kiến, kiến nghị của đảng viên',
    valueType: 'text',
    aggregation: 'none',
    maxLength: 200,
  },
  {
    kind: 'data',
    code: 'TY_LE_KHAO_SAT',
    name: 'Tỷ lệ hài lòng theo khảo sát',
    unit: '%',
    valueType: 'percentage',
    aggregation: 'none',
  },
  {
    kind: 'formula',
    code: 'TY_LE_DU_HOP',
    name: 'Tỷ lệ đảng viên dự sinh hoạt',
    unit: '%',
    numerator: 'DV_CO_MAT',
    denominator: 'DV_TONG - DV_MIEN',
    factor: 100,
    decimals: 1,
  },
];

export function catalogue(list: Indicator[] = INDICATORS): Catalogue {
  const built = buildCatalogue(list);
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}

export function indicator(code: string): Indicator {
  const found = INDICATORS.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
}

export const MONTHLY_TEMPLATE: ReportTemplate = {
  code: 'BC_THANG_CHI_BO',
  version: 1,
  name: 'Báo cáo tháng của chi bộ',
  periodType: 'monthly',
  sections: [
    {
      code: 'I',
      title: 'Tình hình đảng viên',
      items: [
        { kind: 'indicator', indicator: 'DV_TONG', required: true, prefill: 'members.count' },
        { kind: 'indicator', indicator: 'DV_MIEN', required: true },
        { kind: 'indicator', indicator: 'DV_CO_MAT', required: true, prefill: 'meetings.attendance' },
        { kind: 'indicator', indicator: 'TY_LE_DU_HOP', required: false },
      ],
    },
    {
      code: 'II',
      title: 'Công tác phát triển đảng viên',
      items: [
        { kind: 'indicator', indicator: 'DV_MOI', required: true },
        { kind: 'indicator', indicator: 'CO_CHUYEN_DE', required: false },
      ],
    },
    {
      code: 'III',
      title: 'Đánh giá chung',
      items: [
        { kind: 'text', code: 'DANH_GIA', label: 'Đánh giá kết quả lãnh đạo trong tháng', required: true },
        { kind: 'text', code: 'PHUONG_HUONG', label: 'Phương hướng tháng tới', required: false },
        {
          kind: 'attachment',
          code: 'BIEN_BAN',
          label: 'Biên bản sinh hoạt chi bộ',
          required: true,
          maxFiles: 3,
        },
      ],
    },
  ],
};

// Tỉnh ủy → Huyện ủy / Thành ủy → Đảng ủy xã, phường → Chi bộ.
export const ORGS: OrgUnit[] = [
  { id: 'tinh', parentId: null, type: 'tinh_uy', name: 'Tỉnh ủy Thái Bình' },
  { id: 'vuthu', parentId: 'tinh', type: 'huyen_uy', name: 'Huyện ủy Vũ Thư' },
  { id: 'tande', parentId: 'vuthu', type: 'dang_uy_co_so', name: 'Đảng ủy xã Tân Đệ' },
  { id: 'cb_tande5', parentId: 'tande', type: 'chi_bo', name: 'Chi bộ thôn Tân Đệ 5' },
  { id: 'cb_tande6', parentId: 'tande', type: 'chi_bo', name: 'Chi bộ thôn Tân Đệ 6' },
  {
    id: 'cb_tande7',
    parentId: 'tande',
    type: 'chi_bo',
    name: 'Chi bộ thôn Tân Đệ 7',
    openedOn: '2026-06-20',
  },
  { id: 'tp', parentId: 'tinh', type: 'thanh_uy', name: 'Thành ủy Thái Bình' },
  { id: 'kyba', parentId: 'tp', type: 'dang_uy_co_so', name: 'Đảng ủy phường Kỳ Bá' },
  { id: 'cb_tdp1', parentId: 'kyba', type: 'chi_bo', name: 'Chi bộ tổ dân phố 1' },
  {
    id: 'cb_tdp2',
    parentId: 'kyba',
    type: 'chi_bo',
    name: 'Chi bộ tổ dân phố 2',
    closedOn: '2026-06-10',
  },
  // A grassroots branch directly under the city committee (no intermediate committee).
  { id: 'cb_sotc', parentId: 'tp', type: 'chi_bo', name: 'Chi bộ Sở Tài chính' },
];

export function tree(orgs: OrgUnit[] = ORGS): OrgTree {
  return buildTree(orgs);
}
