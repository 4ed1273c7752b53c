import type { SourceParagraph } from './generate.ts';

/** A study text in the style of a provincial resolution on digital transformation, written for the tests. */
export const DIGITAL_RESOLUTION: SourceParagraph[] = [
  {
    id: 'p1',
    text: 'Nghị quyết số 02-NQ/TU ngày 19/11/2021 của Ban Chấp hành Đảng bộ tỉnh về chuyển đổi số tỉnh Thái Bình đến năm 2025, định hướng đến năm 2030 đặt ra các mục tiêu cụ thể.',
  },
  {
    id: 'p2',
    text: 'Về chính quyền số: đến năm 2025 có 80% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện; năm 2030 đạt 100%. Toàn bộ văn bản của các cơ quan thực hiện trên hệ thống dùng chung của tỉnh.',
  },
  {
    id: 'p3',
    text: 'Về kinh tế số: đến năm 2025 kinh tế số chiếm 20% GRDP của tỉnh, đến năm 2030 tăng lên 30%. Năm 2025 có 50% doanh nghiệp áp dụng công nghệ số trong sản xuất, kinh doanh.',
  },
  {
    id: 'p4',
    text: 'Nghị quyết nêu 8 nhóm giải pháp với 3 trụ cột chính: chính quyền số, kinh tế số, xã hội số. Mỗi năm tỉnh bố trí khoảng 1.200 tỷ đồng cho hạ tầng số và đào tạo nhân lực.',
  },
  {
    id: 'p5',
    text: 'Chuyển đổi số là quá trình thay đổi tổng thể cách sống, cách làm việc của chính quyền, doanh nghiệp và người dân. Năm 2020, chỉ số chuyển đổi số của tỉnh xếp thứ 48/63 tỉnh, thành phố.',
  },
  {
    id: 'p6',
    text: 'Về xã hội số: mỗi hộ gia đình đều tiếp cận được internet băng rộng; năm 2025 có 50% người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử. Các nhiệm vụ trọng tâm gồm: đào tạo kỹ năng số, phổ cập điện thoại thông minh, bảo đảm an toàn thông tin.',
  },
];
