import { describe, expect, it } from 'vitest';
import { normalizeForSpeech } from './normalize.ts';

// Whole sentences from the seed articles (Báo Thái Bình, 2022–2023), read as a newsreader would.
describe('sentences from the seed articles', () => {
  it.each([
    [
      'Hướng tới Đại hội đại biểu Công đoàn Việt Nam lần thứ XIII, nhiệm kỳ 2023 - 2028, các cấp công đoàn trong tỉnh đã tổ chức nhiều hoạt động.',
      'Hướng tới Đại hội đại biểu Công đoàn Việt Nam lần thứ mười ba, nhiệm kỳ hai nghìn không trăm hai mươi ba đến hai nghìn không trăm hai mươi tám, các cấp công đoàn trong tỉnh đã tổ chức nhiều hoạt động.',
    ],
    [
      'Hội nghị tiếp xúc đoàn viên, người lao động (NLĐ) tại Công ty Tân Đệ là một trong những hoạt động ý nghĩa được Liên đoàn Lao động (LĐLĐ) tỉnh tổ chức.',
      'Hội nghị tiếp xúc đoàn viên, người lao động (người lao động) tại Công ty Tân Đệ là một trong những hoạt động ý nghĩa được Liên đoàn Lao động (Liên đoàn Lao động) tỉnh tổ chức.',
    ],
    [
      'Tham gia hội nghị có lãnh đạo LĐLĐ tỉnh và 300 đoàn viên đại diện cho hơn 13.000 đoàn viên, NLĐ của Công ty Tân Đệ.',
      'Tham gia hội nghị có lãnh đạo Liên đoàn Lao động tỉnh và ba trăm đoàn viên đại diện cho hơn mười ba nghìn đoàn viên, người lao động của Công ty Tân Đệ.',
    ],
    [
      'Nhân dịp kỷ niệm năm đầu tiên Thủ tướng Chính phủ quyết định lấy ngày 10/10 hàng năm là ngày CDS quốc gia.',
      'Nhân dịp kỷ niệm năm đầu tiên Thủ tướng Chính phủ quyết định lấy ngày mười tháng mười hàng năm là ngày chuyển đổi số quốc gia.',
    ],
    [
      'Thủ tướng Chính phủ phê duyệt tại Quyết định số 749/QĐ-TTg ngày 3/6/2020, Sở Thông tin và Truyền thông đã tham mưu UBND tỉnh trình Ban Chấp hành Đảng bộ tỉnh ban hành Nghị quyết số 02-NQ/TU về CDS tỉnh Thái Bình đến năm 2025, định hướng đến năm 2030.',
      'Thủ tướng Chính phủ phê duyệt tại Quyết định số bảy trăm bốn mươi chín Quyết định Thủ tướng ngày ba tháng sáu năm hai nghìn không trăm hai mươi, Sở Thông tin và Truyền thông đã tham mưu Ủy ban nhân dân tỉnh trình Ban Chấp hành Đảng bộ tỉnh ban hành Nghị quyết số không hai Nghị quyết Tỉnh ủy về chuyển đổi số tỉnh Thái Bình đến năm hai nghìn không trăm hai mươi lăm, định hướng đến năm hai nghìn không trăm ba mươi.',
    ],
    [
      'Tỷ lệ dân số có điện thoại thông minh ước đạt 66%; tỷ lệ hộ gia đình có cáp quang băng rộng ước đạt 48%.',
      'Tỷ lệ dân số có điện thoại thông minh ước đạt sáu mươi sáu phần trăm; tỷ lệ hộ gia đình có cáp quang băng rộng ước đạt bốn mươi tám phần trăm.',
    ],
    [
      'Chỉ số đánh giá chuyển đổi số năm 2020 tỉnh Thái Bình xếp thứ 48/63 tỉnh, thành phố.',
      'Chỉ số đánh giá chuyển đổi số năm hai nghìn không trăm hai mươi tỉnh Thái Bình xếp thứ bốn mươi tám trên sáu mươi ba tỉnh, thành phố.',
    ],
    [
      'Đến hết tháng 9/2022, tỉnh Thái Bình đã thành lập 1.449/1.797 tổ công nghệ số cộng đồng.',
      'Đến hết tháng chín năm hai nghìn không trăm hai mươi hai, tỉnh Thái Bình đã thành lập một nghìn bốn trăm bốn mươi chín trên một nghìn bảy trăm chín mươi bảy tổ công nghệ số cộng đồng.',
    ],
    [
      'Đến năm 2025 có 80%, năm 2030 có 100% DVCTT mức độ 4 được cung cấp.',
      'Đến năm hai nghìn không trăm hai mươi lăm có tám mươi phần trăm, năm hai nghìn không trăm ba mươi có một trăm phần trăm dịch vụ công trực tuyến mức độ bốn được cung cấp.',
    ],
    [
      'Sổ tay đảng viên điện tử được thí điểm từ tháng 5/2021 tại một số đảng bộ.',
      'Sổ tay đảng viên điện tử được thí điểm từ tháng năm năm hai nghìn không trăm hai mươi mốt tại một số đảng bộ.',
    ],
    [
      'Công đoàn Công ty đã hỗ trợ 40 lao động phải đi điều trị tại bệnh viện số tiền 200.000 đồng/người.',
      'Công đoàn Công ty đã hỗ trợ bốn mươi lao động phải đi điều trị tại bệnh viện số tiền hai trăm nghìn đồng trên người.',
    ],
    [
      'Hỗ trợ cho NLD bị ảnh hưởng bởi Covid-19 với tổng số 9 F0, 150 F1, F2 với tổng số tiền 86.700.000 đồng.',
      'Hỗ trợ cho người lao động bị ảnh hưởng bởi cô vít mười chín với tổng số chín ép không, một trăm năm mươi ép một, ép hai với tổng số tiền tám mươi sáu triệu bảy trăm nghìn đồng.',
    ],
    [
      'Nghị định số 12/2022/NĐ-CP ngày 17/1/2022 có hiệu lực từ ngày 1/7/2022.',
      'Nghị định số mười hai năm hai nghìn không trăm hai mươi hai Nghị định Chính phủ ngày mười bảy tháng một năm hai nghìn không trăm hai mươi hai có hiệu lực từ ngày một tháng bảy năm hai nghìn không trăm hai mươi hai.',
    ],
    [
      'Phạt tiền từ 1 - 3 triệu đồng/NLĐ bị vi phạm; 10 - 20 triệu đồng/hồ sơ vi phạm.',
      'Phạt tiền từ một đến ba triệu đồng trên người lao động bị vi phạm; mười đến hai mươi triệu đồng trên hồ sơ vi phạm.',
    ],
    [
      'Thời gian sinh hoạt chi bộ giảm từ 180 phút xuống còn 90 - 120 phút.',
      'Thời gian sinh hoạt chi bộ giảm từ một trăm tám mươi phút xuống còn chín mươi đến một trăm hai mươi phút.',
    ],
    [
      'Cuộc cách mạng công nghiệp 4.0 mà cốt lõi là chuyển đổi số.',
      'Cuộc cách mạng công nghiệp bốn chấm không mà cốt lõi là chuyển đổi số.',
    ],
    [
      'Tại địa chỉ <http://chuyendoiso.thaibinh.gov.vn> nhằm cung cấp các văn bản chỉ đạo.',
      'Tại địa chỉ <chuyendoiso chấm thaibinh chấm gốp chấm vê en> nhằm cung cấp các văn bản chỉ đạo.',
    ],
    [
      'Đại hội Công đoàn tỉnh lần thứ XXIV đã thông qua nhiều chỉ tiêu.',
      'Đại hội Công đoàn tỉnh lần thứ hai mươi tư đã thông qua nhiều chỉ tiêu.',
    ],
    [
      'Ứng dụng VssID, ứng dụng CNTT và CĐS trong giải quyết chế độ BHXH, BHYT.',
      'Ứng dụng vê ét ét ai đi, ứng dụng công nghệ thông tin và chuyển đổi số trong giải quyết chế độ bảo hiểm xã hội, bảo hiểm y tế.',
    ],
    [
      'Đầu tháng 2/2022, Đoàn Thanh niên (ĐTN) xã đã báo cáo đại hội đoàn các cấp nhiệm kỳ 2017 - 2022.',
      'Đầu tháng hai năm hai nghìn không trăm hai mươi hai, Đoàn Thanh niên (Đoàn Thanh niên) xã đã báo cáo đại hội đoàn các cấp nhiệm kỳ hai nghìn không trăm mười bảy đến hai nghìn không trăm hai mươi hai.',
    ],
  ])('%s', (input, expected) => {
    expect(normalizeForSpeech(input)).toBe(expected);
  });
});
