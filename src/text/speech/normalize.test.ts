import { describe, expect, it } from 'vitest';
import { createSpeechNormalizer, normalizeForSpeech } from './normalize.ts';

const n = (text: string): string => normalizeForSpeech(text);

describe('numbers in running text', () => {
  it.each([
    ['300 đoàn viên', 'ba trăm đoàn viên'],
    ['hơn 13.000 đoàn viên', 'hơn mười ba nghìn đoàn viên'],
    ['cho 50 đoàn viên', 'cho năm mươi đoàn viên'],
    ['Trong tổng số 2.300 công nhân', 'Trong tổng số hai nghìn ba trăm công nhân'],
    ['có 1.405 người mắc', 'có một nghìn bốn trăm linh năm người mắc'],
    ['năm 2021', 'năm hai nghìn không trăm hai mươi mốt'],
    ['đến năm 2030', 'đến năm hai nghìn không trăm ba mươi'],
    ['từ năm 1995,', 'từ năm một nghìn chín trăm chín mươi lăm,'],
    ['78.816 lượt', 'bảy mươi tám nghìn tám trăm mười sáu lượt'],
    ['64.500 hồ sơ', 'sáu mươi tư nghìn năm trăm hồ sơ'],
    ['827.000 người', 'tám trăm hai mươi bảy nghìn người'],
    ['khoảng 108.600 đảng viên', 'khoảng một trăm linh tám nghìn sáu trăm đảng viên'],
    ['5,6 triệu đảng viên', 'năm phẩy sáu triệu đảng viên'],
    ['2.600 lượt truy cập mỗi ngày', 'hai nghìn sáu trăm lượt truy cập mỗi ngày'],
    ['Có 4.300 - 5.000 chi bộ', 'Có bốn nghìn ba trăm đến năm nghìn chi bộ'],
    ['260 xã', 'hai trăm sáu mươi xã'],
    ['13 đảng bộ trực thuộc', 'mười ba đảng bộ trực thuộc'],
    ['9 chức năng, hơn 120 tính năng', 'chín chức năng, hơn một trăm hai mươi tính năng'],
    ['công nghệ 4.0', 'công nghệ bốn chấm không'],
    ['1..2', 'một..hai'],
    ['0', 'không'],
    ['0,5', 'không phẩy năm'],
    ['1.000.000.000 đồng', 'một tỷ đồng'],
    ['3,5', 'ba phẩy năm'],
    ['12.345,67', 'mười hai nghìn ba trăm bốn mươi lăm phẩy sáu mươi bảy'],
    ['48/63 tỉnh', 'bốn mươi tám trên sáu mươi ba tỉnh'],
    ['tỷ lệ 1:500', 'tỷ lệ một trên năm trăm'],
    ['nhiệt độ -5 độ', 'nhiệt độ âm năm độ'],
    ['Điều 5:', 'Điều năm:'],
    ['Covid-19', 'cô vít mười chín'],
    ['F0, F1, F2', 'ép không, ép một, ép hai'],
    ['mạng 4G', 'mạng bốn giê'],
    ['bản đồ 3D', 'bản đồ ba dê'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('ordinals', () => {
  it.each([
    ['lần thứ 1', 'lần thứ nhất'],
    ['thứ 2', 'thứ hai'],
    ['đợt bùng phát dịch thứ 4', 'đợt bùng phát dịch thứ tư'],
    ['lần thứ 13', 'lần thứ mười ba'],
    ['Kỳ họp thứ 5', 'Kỳ họp thứ năm'],
    ['thứ 24', 'thứ hai mươi tư'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('percentages', () => {
  it.each([
    ['37,32%', 'ba mươi bảy phẩy ba mươi hai phần trăm'],
    ['đạt 100%', 'đạt một trăm phần trăm'],
    ['ước đạt 66%;', 'ước đạt sáu mươi sáu phần trăm;'],
    ['99,6%', 'chín mươi chín phẩy sáu phần trăm'],
    ['98,1%.', 'chín mươi tám phẩy một phần trăm.'],
    ['57,25 %', 'năm mươi bảy phẩy hai mươi lăm phần trăm'],
    ['tăng 0,5%', 'tăng không phẩy năm phần trăm'],
    ['từ 80% đến 90%', 'từ tám mươi phần trăm đến chín mươi phần trăm'],
    ['10% - 20%', 'mười phần trăm đến hai mươi phần trăm'],
    ['45,1%.', 'bốn mươi lăm phẩy một phần trăm.'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('dates', () => {
  it.each([
    ['19/11/2021', 'ngày mười chín tháng mười một năm hai nghìn không trăm hai mươi mốt'],
    ['ngày 3/6/2020', 'ngày ba tháng sáu năm hai nghìn không trăm hai mươi'],
    ['Ngày 3/12/2023,', 'Ngày ba tháng mười hai năm hai nghìn không trăm hai mươi ba,'],
    ['ngày 28/10/2025', 'ngày hai mươi tám tháng mười năm hai nghìn không trăm hai mươi lăm'],
    ['ngày 6/7/2018', 'ngày sáu tháng bảy năm hai nghìn không trăm mười tám'],
    ['ngày 01/04/2022', 'ngày một tháng tư năm hai nghìn không trăm hai mươi hai'],
    ['10/7/2025', 'ngày mười tháng bảy năm hai nghìn không trăm hai mươi lăm'],
    ['29/2/2024', 'ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi tư'],
    ['tháng 9/2022', 'tháng chín năm hai nghìn không trăm hai mươi hai'],
    ['tháng 4/2023', 'tháng tư năm hai nghìn không trăm hai mươi ba'],
    ['từ 5/2021', 'từ tháng năm năm hai nghìn không trăm hai mươi mốt'],
    ['9/2023,', 'tháng chín năm hai nghìn không trăm hai mươi ba,'],
    ['tháng 12/2022', 'tháng mười hai năm hai nghìn không trăm hai mươi hai'],
    ['ngày 10/10', 'ngày mười tháng mười'],
    ['lấy ngày 10/10 hàng năm', 'lấy ngày mười tháng mười hàng năm'],
    ['Sáng 10/10,', 'Sáng ngày mười tháng mười,'],
    ['chiều 3/12', 'chiều ngày ba tháng mười hai'],
    ['ngày 19/11 - 20/11', 'ngày mười chín tháng mười một đến hai mươi tháng mười một'],
    ['ngày 7/1/2022', 'ngày bảy tháng một năm hai nghìn không trăm hai mươi hai'],
    ['2021-11-19', 'ngày mười chín tháng mười một năm hai nghìn không trăm hai mươi mốt'],
    ['19-11-2021', 'ngày mười chín tháng mười một năm hai nghìn không trăm hai mươi mốt'],
    ['19.11.2021', 'ngày mười chín tháng mười một năm hai nghìn không trăm hai mươi mốt'],
    [
      'ngày 20/11/2022 - 25/11/2022',
      'ngày hai mươi tháng mười một năm hai nghìn không trăm hai mươi hai đến hai mươi lăm tháng mười một năm hai nghìn không trăm hai mươi hai',
    ],
    ['ngày 26 - 28 hằng tháng', 'ngày hai mươi sáu đến hai mươi tám hằng tháng'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });

  it.each([
    ['31/02/2021', 'ba mươi mốt trên không hai trên hai nghìn không trăm hai mươi mốt'],
    ['29/2/2023', 'hai mươi chín trên hai trên hai nghìn không trăm hai mươi ba'],
    ['32/1/2020', 'ba mươi hai trên một trên hai nghìn không trăm hai mươi'],
    ['10/13/2020', 'mười trên mười ba trên hai nghìn không trăm hai mươi'],
    ['10/10 điểm', 'mười trên mười điểm'],
    ['13/2022', 'mười ba trên hai nghìn không trăm hai mươi hai'],
    ['ngày 31/4', 'ngày ba mươi mốt trên bốn'],
    ['31-02-2021', 'ba mươi mốt đến không hai đến hai nghìn không trăm hai mươi mốt'],
    ['31.02.2021', 'ba mươi mốt chấm không hai chấm hai nghìn không trăm hai mươi mốt'],
    ['2021-13-01', 'hai nghìn không trăm hai mươi mốt đến mười ba đến không một'],
  ])('an impossible or unmarked date is read as plain numbers: %s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('clock times and durations', () => {
  it.each([
    ['7h30', 'bảy giờ ba mươi phút'],
    ['lúc 7h', 'lúc bảy giờ'],
    ['19:45', 'mười chín giờ bốn mươi lăm phút'],
    ['14:00', 'mười bốn giờ'],
    ['8:05:30', 'tám giờ năm phút ba mươi giây'],
    ['7g30', 'bảy giờ ba mươi phút'],
    ['24h', 'hai mươi tư giờ'],
    ['từ 7h30 - 11h', 'từ bảy giờ ba mươi phút đến mười một giờ'],
    ['25h99', 'hai mươi lăm giờ chín mươi chín'],
    ['25:99', 'hai mươi lăm trên chín mươi chín'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('ranges', () => {
  it.each([
    [
      'nhiệm kỳ 2023 - 2028',
      'nhiệm kỳ hai nghìn không trăm hai mươi ba đến hai nghìn không trăm hai mươi tám',
    ],
    ['2021 - 2025', 'hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm'],
    ['giai đoạn 2017-2022', 'giai đoạn hai nghìn không trăm mười bảy đến hai nghìn không trăm hai mươi hai'],
    ['90 - 120 phút', 'chín mươi đến một trăm hai mươi phút'],
    ['1 - 3 triệu đồng', 'một đến ba triệu đồng'],
    ['10 – 20 triệu đồng/hồ sơ', 'mười đến hai mươi triệu đồng trên hồ sơ'],
    ['2020—2025', 'hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm'],
    ['180 phút', 'một trăm tám mươi phút'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('money and units', () => {
  it.each([
    ['1.200 tỷ đồng', 'một nghìn hai trăm tỷ đồng'],
    ['50 triệu đồng', 'năm mươi triệu đồng'],
    ['2,7 triệu', 'hai phẩy bảy triệu'],
    ['105 triệu đồng', 'một trăm linh năm triệu đồng'],
    ['86.700.000 đồng', 'tám mươi sáu triệu bảy trăm nghìn đồng'],
    ['200.000 đồng/người', 'hai trăm nghìn đồng trên người'],
    ['50.000đ', 'năm mươi nghìn đồng'],
    ['50.000 VNĐ', 'năm mươi nghìn đồng'],
    ['100 USD', 'một trăm đô la Mỹ'],
    ['$100', 'một trăm đô la'],
    ['$ 2,5', 'hai phẩy năm đô la'],
    ['2tr', 'hai triệu'],
    ['3km', 'ba ki lô mét'],
    ['15 km', 'mười lăm ki lô mét'],
    ['60 km/h', 'sáu mươi ki lô mét trên giờ'],
    ['120 m2', 'một trăm hai mươi mét vuông'],
    ['120m²', 'một trăm hai mươi mét vuông'],
    ['5 m3', 'năm mét khối'],
    ['25 ha', 'hai mươi lăm héc ta'],
    ['3,5 ha lúa', 'ba phẩy năm héc ta lúa'],
    ['10 kg', 'mười ki lô gam'],
    ['500 g', 'năm trăm gam'],
    ['30°C', 'ba mươi độ xê'],
    ['30 °C', 'ba mươi độ xê'],
    ['36oC', 'ba mươi sáu độ xê'],
    ['2 l', 'hai lít'],
    ['100 ml', 'một trăm mi li lít'],
    ['5 cm', 'năm xăng ti mét'],
    ['10 mm', 'mười mi li mét'],
    ['8 kWh', 'tám ki lô oát giờ'],
    ['1.000 MW', 'một nghìn mê ga oát'],
    ['32 GB', 'ba mươi hai gi ga bai'],
    ['5 km2', 'năm ki lô mét vuông'],
    ['5 mét', 'năm mét'],
    ['5 hai', 'năm hai'],
    ['2 lần', 'hai lần'],
    ['3 giờ', 'ba giờ'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('Roman numerals', () => {
  it.each([
    ['Đại hội XIII', 'Đại hội mười ba'],
    ['Đại hội Đảng lần thứ XIII', 'Đại hội Đảng lần thứ mười ba'],
    ['Đại hội Công đoàn Việt Nam lần thứ XIII,', 'Đại hội Công đoàn Việt Nam lần thứ mười ba,'],
    ['Đại hội Công đoàn tỉnh lần thứ XXIV', 'Đại hội Công đoàn tỉnh lần thứ hai mươi tư'],
    ['lần thứ \n\nXIII,', 'lần thứ\n\nmười ba,'],
    ['Chương IV', 'Chương bốn'],
    ['khóa XIV', 'khóa mười bốn'],
    ['khoá XV', 'khoá mười lăm'],
    ['Quốc hội khóa XV', 'Quốc hội khóa mười lăm'],
    ['thế kỷ XXI', 'thế kỷ hai mươi mốt'],
    ['quý I năm 2023', 'quý một năm hai nghìn không trăm hai mươi ba'],
    ['quý IV', 'quý bốn'],
    ['lần thứ I', 'lần thứ nhất'],
    ['lần thứ IV', 'lần thứ tư'],
    ['Phần II', 'Phần hai'],
    ['Mục III', 'Mục ba'],
    ['đô thị loại I', 'đô thị loại một'],
    ['Đại hội V', 'Đại hội năm'],
    ['Hội nghị Trung ương IV', 'Hội nghị Trung ương bốn'],
    ['khóa XIII.', 'khóa mười ba.'],
    ['I. MỤC TIÊU', 'một. MỤC TIÊU'],
    ['II. NHIỆM VỤ', 'hai. NHIỆM VỤ'],
    ['Nhiệm kỳ XX', 'Nhiệm kỳ hai mươi'],
    ['Lê Văn V', 'Lê Văn vê'],
    ['nhóm I', 'nhóm một'],
    ['cấp II', 'cấp hai'],
    ['MC ảo', 'em xi ảo'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });

  it('does not read a lone I or V elsewhere as a number', () => {
    expect(n('vitamin C và V')).toBe('vitamin xê và vê');
    expect(n('Hạng mục I')).toBe('Hạng mục một');
    expect(n('ông I nói')).not.toContain('một');
  });
});

describe('document numbers', () => {
  it.each([
    ['02-NQ/TU', 'không hai Nghị quyết Tỉnh ủy'],
    ['Nghị quyết số 02-NQ/TU', 'Nghị quyết số không hai Nghị quyết Tỉnh ủy'],
    ['749/QĐ-TTg', 'bảy trăm bốn mươi chín Quyết định Thủ tướng'],
    [
      'Quyết định số 749/QĐ-TTg ngày 3/6/2020',
      'Quyết định số bảy trăm bốn mươi chín Quyết định Thủ tướng ngày ba tháng sáu năm hai nghìn không trăm hai mươi',
    ],
    ['12/2022/NĐ-CP', 'mười hai năm hai nghìn không trăm hai mươi hai Nghị định Chính phủ'],
    ['Nghị định 13/2023/NĐ-CP', 'Nghị định mười ba năm hai nghìn không trăm hai mươi ba Nghị định Chính phủ'],
    ['Hướng dẫn 09-HD/BTCTW', 'Hướng dẫn không chín Hướng dẫn Ban Tổ chức Trung ương'],
    [
      '12-HD/BTCTW (6/7/2018)',
      'mười hai Hướng dẫn Ban Tổ chức Trung ương (ngày sáu tháng bảy năm hai nghìn không trăm mười tám)',
    ],
    ['42-HD/BTCTW', 'bốn mươi hai Hướng dẫn Ban Tổ chức Trung ương'],
    ['Quy định 24-QĐ/TW', 'Quy định hai mươi tư Quyết định Trung ương'],
    ['Quy định 339-QĐ/TW', 'Quy định ba trăm ba mươi chín Quyết định Trung ương'],
    ['Chỉ thị 05-CT/TW', 'Chỉ thị không năm Chỉ thị Trung ương'],
    ['Kết luận 01-KL/TW', 'Kết luận không một Kết luận Trung ương'],
    ['Kế hoạch 01/KH-UBND', 'Kế hoạch không một Kế hoạch Ủy ban nhân dân'],
    ['Thông tư 01/2024/TT-BNV', 'Thông tư không một năm hai nghìn không trăm hai mươi tư Thông tư Bộ Nội vụ'],
    ['Công văn 15/CV-XYZ', 'Công văn mười lăm Công văn ích xì i dài dét'],
    ['Nghị quyết 02-NQ/TU.', 'Nghị quyết không hai Nghị quyết Tỉnh ủy.'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('abbreviations', () => {
  it.each([
    ['UBND tỉnh', 'Ủy ban nhân dân tỉnh'],
    ['HĐND huyện', 'Hội đồng nhân dân huyện'],
    ['MTTQ Việt Nam', 'Mặt trận Tổ quốc Việt Nam'],
    ['BCH Đảng bộ', 'Ban Chấp hành Đảng bộ'],
    ['BTV Tỉnh ủy', 'Ban Thường vụ Tỉnh ủy'],
    ['ứng dụng CNTT', 'ứng dụng công nghệ thông tin'],
    ['CĐS', 'chuyển đổi số'],
    ['Chuyển đổi số (CDS) có vai trò', 'Chuyển đổi số (chuyển đổi số) có vai trò'],
    ['DVCTT mức độ 4', 'dịch vụ công trực tuyến mức độ bốn'],
    ['BHXH, BHYT', 'bảo hiểm xã hội, bảo hiểm y tế'],
    ['BHYT...', 'bảo hiểm y tế...'],
    ['người lao động (NLĐ)', 'người lao động (người lao động)'],
    ['đồng hành cùng NLD.', 'đồng hành cùng người lao động.'],
    ['LĐLĐ tỉnh', 'Liên đoàn Lao động tỉnh'],
    ['trường THPT', 'trường trung học phổ thông'],
    ['TP. Thái Bình', 'thành phố Thái Bình'],
    ['TP.HCM', 'Thành phố Hồ Chí Minh'],
    ['TP.Thái Bình', 'thành phố Thái Bình'],
    ['NQ', 'Nghị quyết'],
    ['TU', 'Tỉnh ủy'],
    ['QĐ', 'Quyết định'],
    ['TTg', 'Thủ tướng'],
    ['NĐ-CP', 'Nghị định Chính phủ'],
    ['HD', 'Hướng dẫn'],
    ['BTCTW', 'Ban Tổ chức Trung ương'],
    ['TW', 'Trung ương'],
    ['NQ/TU', 'Nghị quyết Tỉnh ủy'],
    ['Công ty TNHH Lotes', 'Công ty trách nhiệm hữu hạn Lotes'],
    ['HTX nông nghiệp', 'hợp tác xã nông nghiệp'],
    ['ĐTN xã', 'Đoàn Thanh niên xã'],
    ['CNVCLĐ', 'công nhân viên chức lao động'],
    ['HĐLĐ', 'hợp đồng lao động'],
    ['TTXVN', 'Thông tấn xã Việt Nam'],
    ['KT-XH', 'kinh tế - xã hội'],
    ['GD&ĐT', 'Giáo dục và Đào tạo'],
    ['PGS.TS. Nguyễn Văn An', 'phó giáo sư, tiến sĩ Nguyễn Văn An'],
    ['GS.TSKH Lê Văn Bình', 'giáo sư tiến sĩ khoa học Lê Văn Bình'],
    ['TS Phạm Hùng', 'tiến sĩ Phạm Hùng'],
    ['ThS. Lê Thị Hoa', 'thạc sĩ Lê Thị Hoa'],
    ['Th.S Trần Minh', 'thạc sĩ Trần Minh'],
    ['sách, báo, v.v.', 'sách, báo, vân vân'],
    ['Đ/c Bí thư', 'đồng chí Bí thư'],
    ['ứng dụng VssID', 'ứng dụng vê ét ét ai đi'],
    ['UBND.', 'Ủy ban nhân dân.'],
    ['UBND-HĐND', 'Ủy ban nhân dân Hội đồng nhân dân'],
    ['sản phẩm OCOP', 'sản phẩm ô cốp'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });

  it.each([
    ['mã QR', 'mã quy e rờ'],
    ['GRDP tăng', 'tổng sản phẩm trên địa bàn tăng'],
    ['thẻ ATM', 'thẻ a tê em mờ'],
    ['XYZ', 'ích xì i dài dét'],
    ['ông A', 'ông a'],
  ])('spells unknown acronyms: %s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });

  it.each([
    ['THI ĐUA YÊU NƯỚC', 'THI ĐUA YÊU NƯỚC'],
    ['CÔNG ĐOÀN VIỆT NAM', 'CÔNG ĐOÀN VIỆT NAM'],
    ['HƯỞNG ỨNG NGÀY CHUYỂN ĐỔI SỐ', 'HƯỞNG ỨNG NGÀY CHUYỂN ĐỔI SỐ'],
    ['NGUYỄN THỊ THU', 'NGUYỄN THỊ THU'],
    ['khuyến khích sáng tạo', 'khuyến khích sáng tạo'],
  ])('leaves words written in capitals alone: %s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });

  it('lets callers extend and override the dictionary', () => {
    const options = { extraAbbreviations: { XYZ: 'câu lạc bộ', UBND: 'U Bê En Dê' } };
    expect(normalizeForSpeech('XYZ và UBND', options)).toBe('câu lạc bộ và U Bê En Dê');
    expect(normalizeForSpeech('UBND', {})).toBe('Ủy ban nhân dân');
    const custom = createSpeechNormalizer({ extraAbbreviations: { NQ: 'nghị quyết số' } });
    expect(custom('02-NQ/TU')).toBe('không hai nghị quyết số Tỉnh ủy');
  });
});

describe('phone numbers, e-mail and web addresses', () => {
  it.each([
    ['0912 345 678', 'không chín một hai, ba bốn năm, sáu bảy tám'],
    ['0912345678', 'không chín một hai, ba bốn năm, sáu bảy tám'],
    ['0912.345.678', 'không chín một hai, ba bốn năm, sáu bảy tám'],
    ['0227 3831 234', 'không hai hai bảy, ba tám ba một, hai ba bốn'],
    ['02273831234', 'không hai hai bảy, ba tám ba, một hai ba bốn'],
    ['+84 912 345 678', 'cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám'],
    ['gọi 1900 1234', 'gọi một chín không không, một hai ba bốn'],
    ['ĐT: 0912-345-678.', 'điện thoại: không chín một hai, ba bốn năm, sáu bảy tám.'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });

  it.each([
    ['vanphong@thaibinh.gov.vn', 'vanphong a còng thaibinh chấm gốp chấm vê en'],
    ['Gửi về: bbt.baothaibinh@gmail.com.', 'Gửi về: bê bê tê chấm baothaibinh a còng gờ meo chấm com.'],
    ['abc123@x.vn', 'a bê xê một hai ba a còng ích xì chấm vê en'],
    ['<http://chuyendoiso.thaibinh.gov.vn>', '<chuyendoiso chấm thaibinh chấm gốp chấm vê en>'],
    ['<http://ttxvn.vn>', '<ttxvn chấm vê en>'],
    [
      'https://dichvucong.gov.vn/p/home.html',
      'dichvucong chấm gốp chấm vê en gạch chéo pê gạch chéo home chấm html',
    ],
    ['www.baothaibinh.com.vn.', 'vê kép vê kép vê kép chấm baothaibinh chấm com chấm vê en.'],
    ['tại chuyendoiso.thaibinh.gov.vn nhằm', 'tại chuyendoiso chấm thaibinh chấm gốp chấm vê en nhằm'],
  ])('%s', (input, expected) => {
    expect(n(input)).toBe(expected);
  });
});

describe('symbols, emoji and bad input', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['Xin chào 😀', 'Xin chào'],
    ['👍🏽 Tốt', 'Tốt'],
    ['❤️ Đảng', 'Đảng'],
    ['A & B', 'a và bê'],
    ['~50 người', 'khoảng năm mươi người'],
    ['≥ 90 phút', 'lớn hơn hoặc bằng chín mươi phút'],
    ['§9.3', 'mục chín chấm ba'],
    ['4G/5G', 'bốn giê năm giê'],
    ['và/hoặc', 'và hoặc'],
    ['e-mail', 'e mail'],
    ['60 lượt/ngày', 'sáu mươi lượt trên ngày'],
    ['a\u00a0b', 'a b'],
    ['dòng 1\ndòng 2', 'dòng một\ndòng hai'],
    ['\u200bẩn', 'ẩn'],
    ['1...2', 'một...hai'],
    ['1,,2', 'một,,hai'],
    ['#$%^*', '#$%^*'],
    ['中文 العربية', '中文 العربية'],
  ])('%j', (input, expected) => {
    expect(n(input)).toBe(expected);
  });

  it('accepts decomposed (NFD) input', () => {
    expect(n('Ủy ban ngày 3/6/2020'.normalize('NFD'))).toBe(
      'Ủy ban ngày ba tháng sáu năm hai nghìn không trăm hai mươi',
    );
  });

  it('survives a megabyte of mixed text and reads every digit', () => {
    const chunk = 'Ngày 19/11/2021, UBND tỉnh chi 1.200 tỷ đồng (37,32%) 😀 cho 02-NQ/TU; gọi 0912345678. ';
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    const out = n(text);
    expect(out).not.toMatch(/[0-9]/);
    expect(out.length).toBeGreaterThan(text.length);
  });

  it('never throws on non-string input at run time', () => {
    expect(n(undefined as unknown as string)).toBe('');
    expect(n(null as unknown as string)).toBe('');
  });
});
