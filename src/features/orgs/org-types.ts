/** Default organisation types of the Party; other organisations (unions) define their own as data. */
export interface OrgTypeDef {
  code: string;
  nameVi: string;
  nameEn: string;
  rank: number;
  holdsMembers: boolean;
  parentTypes: string[];
}

/** `root` in parentTypes means the type may stand at the top of the tree. */
export const DEFAULT_ORG_TYPES: OrgTypeDef[] = [
  {
    code: 'central_committee',
    nameVi: 'Đảng bộ toàn quốc',
    nameEn: 'National party',
    rank: 0,
    holdsMembers: false,
    parentTypes: ['root'],
  },
  {
    code: 'province_committee',
    nameVi: 'Đảng bộ tỉnh',
    nameEn: 'Provincial party committee',
    rank: 10,
    holdsMembers: false,
    parentTypes: ['root', 'central_committee'],
  },
  {
    code: 'district_committee',
    nameVi: 'Đảng bộ huyện, thành phố, khối',
    nameEn: 'District, city or bloc committee',
    rank: 20,
    holdsMembers: false,
    parentTypes: ['province_committee'],
  },
  {
    code: 'grassroots_committee',
    nameVi: 'Đảng bộ cơ sở',
    nameEn: 'Grassroots committee',
    rank: 30,
    holdsMembers: false,
    parentTypes: ['district_committee', 'province_committee'],
  },
  {
    code: 'partial_committee',
    nameVi: 'Đảng bộ bộ phận',
    nameEn: 'Partial committee',
    rank: 40,
    holdsMembers: false,
    parentTypes: ['grassroots_committee'],
  },
  {
    code: 'branch',
    nameVi: 'Chi bộ',
    nameEn: 'Branch',
    rank: 50,
    holdsMembers: true,
    parentTypes: ['grassroots_committee', 'partial_committee'],
  },
  {
    code: 'grassroots_branch',
    nameVi: 'Chi bộ cơ sở',
    nameEn: 'Grassroots branch',
    rank: 45,
    holdsMembers: true,
    parentTypes: ['district_committee', 'province_committee'],
  },
];
