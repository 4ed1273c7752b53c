/** Realistic Vietnamese names and places for demo and synthetic data, from a seeded generator (repeatable). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(r: () => number, items: readonly T[]): T {
  return items[Math.floor(r() * items.length)]!;
}

const SURNAMES = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Trần',
  'Phạm',
  'Phạm',
  'Vũ',
  'Vũ',
  'Bùi',
  'Đỗ',
  'Hoàng',
  'Lê',
  'Lê',
  'Đặng',
  'Ngô',
  'Đinh',
  'Đoàn',
  'Tạ',
  'Mai',
  'Lương',
  'Phan',
  'Tô',
  'Hà',
  'Cao',
  'Đào',
  'Lại',
  'Trịnh',
];
const MALE_MIDDLE = [
  'Văn',
  'Văn',
  'Văn',
  'Đình',
  'Đức',
  'Hữu',
  'Quang',
  'Minh',
  'Xuân',
  'Công',
  'Ngọc',
  'Thanh',
  'Duy',
  'Tiến',
];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Hồng', 'Kim', 'Phương', 'Bích'];
const MALE_GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Giang',
  'Hải',
  'Hiếu',
  'Hùng',
  'Huy',
  'Khánh',
  'Long',
  'Mạnh',
  'Nam',
  'Nghĩa',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Thành',
  'Toàn',
  'Trung',
  'Tuấn',
  'Việt',
  'Vinh',
  'Hòa',
  'Tâm',
  'Lâm',
  'Chiến',
  'Thịnh',
];
const FEMALE_GIVEN = [
  'Anh',
  'Châu',
  'Dung',
  'Duyên',
  'Hà',
  'Hạnh',
  'Hiền',
  'Hoa',
  'Hồng',
  'Huệ',
  'Hương',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'Nga',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phương',
  'Quyên',
  'Thảo',
  'Thoa',
  'Thủy',
  'Trang',
  'Tuyết',
  'Vân',
  'Yến',
  'Xuân',
];

export function personName(r: () => number): { fullName: string; gender: 'male' | 'female' } {
  const gender = r() < 0.62 ? 'male' : 'female';
  const middle = pick(r, gender === 'male' ? MALE_MIDDLE : FEMALE_MIDDLE);
  const given = pick(r, gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN);
  return { fullName: `${pick(r, SURNAMES)} ${middle} ${given}`, gender };
}

const VILLAGE_WORDS = [
  'Nguyệt Lâm',
  'Đông Thành',
  'An Lạc',
  'Phú Mỹ',
  'Tân Lập',
  'Bình Minh',
  'Hòa Bình',
  'Đoàn Kết',
  'Quang Trung',
  'Trung Hòa',
  'Thượng Phúc',
  'Hạ Đồng',
  'Lạc Đạo',
  'Vĩnh Ninh',
  'Thanh Khê',
  'Đại Đồng',
  'Cộng Hòa',
  'Phương Cáp',
  'Kim Lũ',
  'Đồng Phú',
];
const WORKPLACES = [
  'Nhà máy may Tân Đệ',
  'Công ty Cổ phần Giày Thái Bình',
  'Trường THCS',
  'Trường Tiểu học',
  'Trạm Y tế',
  'Hợp tác xã Dịch vụ nông nghiệp',
  'Công an xã',
  'Quân sự xã',
  'Trường Mầm non',
];

export function branchName(r: () => number, communeShort: string, i: number): string {
  const roll = r();
  if (roll < 0.55) return `Chi bộ thôn ${pick(r, VILLAGE_WORDS)} ${1 + (i % 5)}`;
  if (roll < 0.75) return `Chi bộ tổ dân phố số ${i + 1}`;
  const w = pick(r, WORKPLACES);
  return w.startsWith('Trường') || w.startsWith('Trạm') || w.endsWith('xã')
    ? `Chi bộ ${w} ${communeShort}`
    : `Chi bộ ${w}`;
}

export const POSITIONS = [
  'Nông dân',
  'Hưu trí',
  'Giáo viên',
  'Công nhân',
  'Cán bộ xã',
  'Kinh doanh',
  'Bác sĩ',
  'Cựu chiến binh',
  'Trưởng thôn',
  'Công an viên',
];

/** The city and seven districts of Thái Bình (before the 2025 merger), each with a few of its communes. */
export const THAI_BINH: Array<{ name: string; communes: string[] }> = [
  {
    name: 'Đảng bộ thành phố Thái Bình',
    communes: [
      'Đảng bộ phường Bồ Xuyên',
      'Đảng bộ phường Lê Hồng Phong',
      'Đảng bộ phường Tiền Phong',
      'Đảng bộ xã Vũ Chính',
    ],
  },
  {
    name: 'Đảng bộ huyện Đông Hưng',
    communes: ['Đảng bộ xã Đông Hợp', 'Đảng bộ xã Đông La', 'Đảng bộ thị trấn Đông Hưng'],
  },
  {
    name: 'Đảng bộ huyện Hưng Hà',
    communes: ['Đảng bộ xã Tân Lễ', 'Đảng bộ xã Hòa Tiến', 'Đảng bộ thị trấn Hưng Hà'],
  },
  {
    name: 'Đảng bộ huyện Kiến Xương',
    communes: ['Đảng bộ xã Vũ Bình', 'Đảng bộ xã Quang Trung', 'Đảng bộ thị trấn Thanh Nê'],
  },
  {
    name: 'Đảng bộ huyện Quỳnh Phụ',
    communes: ['Đảng bộ xã An Bài', 'Đảng bộ xã Quỳnh Hải', 'Đảng bộ thị trấn Quỳnh Côi'],
  },
  {
    name: 'Đảng bộ huyện Thái Thụy',
    communes: ['Đảng bộ xã Thụy Bình', 'Đảng bộ xã Thụy Hải', 'Đảng bộ thị trấn Diêm Điền'],
  },
  {
    name: 'Đảng bộ huyện Tiền Hải',
    communes: ['Đảng bộ xã Đông Quý', 'Đảng bộ xã Tây Giang', 'Đảng bộ thị trấn Tiền Hải'],
  },
  {
    name: 'Đảng bộ huyện Vũ Thư',
    communes: ['Đảng bộ xã Việt Thuận', 'Đảng bộ xã Vũ Đoài', 'Đảng bộ thị trấn Vũ Thư'],
  },
];

export function isoDay(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}
