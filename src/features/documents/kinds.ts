export const DOCUMENT_TYPES = [
  'nghi_quyet',
  'chi_thi',
  'ket_luan',
  'quy_dinh',
  'quyet_dinh',
  'huong_dan',
  'thong_bao',
  'ke_hoach',
  'bao_cao',
  'tham_khao',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = {
  nghi_quyet: 'Nghị quyết',
  chi_thi: 'Chỉ thị',
  ket_luan: 'Kết luận',
  quy_dinh: 'Quy định',
  quyet_dinh: 'Quyết định',
  huong_dan: 'Hướng dẫn',
  thong_bao: 'Thông báo',
  ke_hoach: 'Kế hoạch',
  bao_cao: 'Báo cáo',
  tham_khao: 'Tài liệu tham khảo',
};

export const ISSUING_LEVELS = ['central', 'province', 'district', 'grassroots', 'branch'] as const;
export type IssuingLevel = (typeof ISSUING_LEVELS)[number];

export const LEVEL_NAMES: Record<IssuingLevel, string> = {
  central: 'Trung ương',
  province: 'Tỉnh',
  district: 'Huyện',
  grassroots: 'Cơ sở',
  branch: 'Chi bộ',
};

/** The level a document issued by an organisation of this type has when none is given. */
export function levelOfOrgType(type: string): IssuingLevel {
  if (type === 'national' || type === 'central') return 'central';
  if (type.startsWith('province')) return 'province';
  if (type.startsWith('district')) return 'district';
  if (type === 'branch') return 'branch';
  return 'grassroots';
}
