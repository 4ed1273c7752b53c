import { personName, pick, rng, THAI_BINH } from '../src/demo/names.ts';
import type { SearchItem, SearchItemType, SearchLevel } from '../src/features/search/index-writer.ts';

// Realistic Vietnamese sentences for party documents and news, assembled from parts, so a large corpus shares
// vocabulary the way real documents do (many items mention "nghị quyết", "chi bộ", "chuyển đổi số"…).
const SUBJECTS = [
  'Ban Chấp hành Đảng bộ tỉnh',
  'Ban Thường vụ Huyện ủy',
  'Đảng ủy xã',
  'Chi bộ thôn',
  'Ủy ban nhân dân tỉnh',
  'Mặt trận Tổ quốc huyện',
  'Hội Cựu chiến binh xã',
  'Đoàn Thanh niên',
  'Hội Liên hiệp Phụ nữ',
  'Ban Tuyên giáo Tỉnh ủy',
  'Ủy ban Kiểm tra Huyện ủy',
  'Sở Thông tin và Truyền thông',
];
const VERBS = [
  'ban hành',
  'triển khai',
  'tổ chức quán triệt',
  'sơ kết việc thực hiện',
  'tổng kết',
  'kiểm tra, giám sát việc thực hiện',
  'hướng dẫn thực hiện',
  'đôn đốc thực hiện',
  'tuyên truyền sâu rộng',
];
const TOPICS = [
  'chuyển đổi số trong công tác đảng',
  'xây dựng nông thôn mới nâng cao',
  'phát triển kinh tế tập thể, hợp tác xã',
  'công tác phát triển đảng viên mới',
  'nâng cao chất lượng sinh hoạt chi bộ',
  'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'phòng, chống tham nhũng, lãng phí',
  'cải cách hành chính và dịch vụ công trực tuyến',
  'bảo vệ môi trường và xử lý rác thải nông thôn',
  'chăm sóc sức khỏe nhân dân, phòng chống dịch bệnh',
  'khuyến học, khuyến tài, xây dựng xã hội học tập',
  'đảm bảo an ninh trật tự ở cơ sở',
  'thu hút đầu tư vào các khu công nghiệp',
  'phát triển sản phẩm OCOP và thương mại điện tử',
  'công tác dân vận của hệ thống chính trị',
  'đào tạo nghề cho lao động nông thôn',
  'xây dựng gia đình văn hóa, làng văn hóa',
  'đền ơn đáp nghĩa, chăm lo người có công',
];
const CLAUSES = [
  'nhằm nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức đảng',
  'góp phần hoàn thành thắng lợi các chỉ tiêu kinh tế - xã hội năm nay',
  'với sự tham gia của đông đảo cán bộ, đảng viên và nhân dân',
  'theo đúng tinh thần chỉ đạo của cấp ủy cấp trên',
  'bảo đảm thiết thực, hiệu quả, tránh hình thức',
  'gắn với việc thực hiện các phong trào thi đua yêu nước',
  'tạo sự chuyển biến rõ nét trong nhận thức và hành động',
  'phát huy vai trò tiền phong, gương mẫu của đảng viên',
];
const FACTS = [
  'Toàn huyện có {n} chi bộ hoàn thành tốt nhiệm vụ, đạt {p}%.',
  'Trong năm đã kết nạp {n} đảng viên mới, vượt chỉ tiêu đề ra.',
  'Tỷ lệ hồ sơ giải quyết trực tuyến đạt {p}%, tăng so với cùng kỳ.',
  'Đã có {n} hộ gia đình được hỗ trợ vốn phát triển sản xuất.',
  'Hội nghị đã nghe {n} ý kiến tham luận của các đơn vị.',
  'Thu nhập bình quân đầu người đạt {n} triệu đồng mỗi năm.',
  'Ngày {d}/{m}/{y}, đoàn công tác đã làm việc tại {place}.',
  'Đồng chí {person} phát biểu chỉ đạo tại hội nghị.',
  'Theo đồng chí {person}, cần tiếp tục đổi mới phương thức lãnh đạo.',
];
const KINDS: Array<{ type: SearchItemType; prefix: string; code: string }> = [
  { type: 'document', prefix: 'Nghị quyết về', code: 'NQ' },
  { type: 'document', prefix: 'Kế hoạch thực hiện', code: 'KH' },
  { type: 'document', prefix: 'Chỉ thị về tăng cường', code: 'CT' },
  { type: 'document', prefix: 'Hướng dẫn', code: 'HD' },
  { type: 'news', prefix: 'Hội nghị sơ kết', code: '' },
  { type: 'news', prefix: 'Đẩy mạnh', code: '' },
  { type: 'resolution', prefix: 'Nghị quyết chi bộ tháng', code: 'NQ/CB' },
  { type: 'guide', prefix: 'Tài liệu sinh hoạt chuyên đề', code: '' },
];
const LEVELS: SearchLevel[] = ['central', 'province', 'district', 'grassroots', 'branch'];
const ISSUERS = ['TU', 'HU', 'ĐU', 'TW', 'BTGTU', 'UBKTHU'];

function fill(r: () => number, template: string): string {
  const district = pick(r, THAI_BINH);
  return template
    .replace('{n}', String(5 + Math.floor(r() * 400)))
    .replace('{p}', `${60 + Math.floor(r() * 40)},${Math.floor(r() * 100)}`)
    .replace('{d}', String(1 + Math.floor(r() * 28)))
    .replace('{m}', String(1 + Math.floor(r() * 12)))
    .replace('{y}', String(2019 + Math.floor(r() * 7)))
    .replace('{place}', `${pick(r, district.communes)} (${district.name})`)
    .replace('{person}', personName(r).fullName);
}

function sentence(r: () => number, topic: string): string {
  const s = `${pick(r, SUBJECTS)} ${pick(r, VERBS)} ${r() < 0.7 ? topic : pick(r, TOPICS)}, ${pick(r, CLAUSES)}.`;
  return r() < 0.5 ? `${s} ${fill(r, pick(r, FACTS))}` : s;
}

/**
 * The i-th generated item of a corpus (deterministic for a seed): ~10 sentences (~1.2 KB), a title, a document
 * number for documents, a level, a date within 2019-2026, published to `audience`.
 */
export function generatedItem(seed: number, i: number, audience: string[]): SearchItem {
  const r = rng(seed * 1_000_003 + i);
  const kind = pick(r, KINDS);
  const topic = pick(r, TOPICS);
  const n = 6 + Math.floor(r() * 8);
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  for (let k = 0; k < n; k++) {
    paragraph.push(sentence(r, topic));
    if (paragraph.length >= 3) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length) paragraphs.push(paragraph.join(' '));
  const year = 2019 + Math.floor(r() * 8);
  const day = 1 + Math.floor(r() * 28);
  const month = 1 + Math.floor(r() * 12);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const district = pick(r, THAI_BINH);
  const where = ` của ${r() < 0.5 ? district.name : pick(r, district.communes)}`;
  const number = kind.code
    ? `${String(1 + (i % 150)).padStart(2, '0')}-${kind.code}/${pick(r, ISSUERS)}`
    : null;
  return {
    type: kind.type,
    id: `gen-${seed}-${i}`,
    title: `${kind.prefix} ${topic}${where} năm ${year}`,
    body: paragraphs.join('\n\n'),
    number,
    level: pick(r, LEVELS),
    date,
    source: null,
    url: `/${kind.type === 'news' ? 'news' : 'documents'}/gen-${seed}-${i}`,
    audience,
  };
}
