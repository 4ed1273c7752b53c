// Demo library and news of the Thái Bình demo province. News items retell, in our own words, articles of
// Báo Thái Bình (the seed articles); document bodies are short study summaries written for the demo, not the
// official texts.

export interface DemoDocument {
  key: string;
  at: 'province' | 'commune' | 'branch';
  kind: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string;
  level: 'central' | 'province' | 'district' | 'grassroots' | 'branch';
  title: string;
  summary: string;
  body: string[];
}

export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    key: 'nq02',
    at: 'province',
    kind: 'nghi_quyet',
    number: '02-NQ/TU',
    issuedOn: '2021-11-19',
    issuer: 'Ban Chấp hành Đảng bộ tỉnh Thái Bình',
    level: 'province',
    title: 'Nghị quyết về chuyển đổi số tỉnh Thái Bình đến năm 2025, định hướng đến năm 2030',
    summary:
      'Nghị quyết chuyên đề chỉ đạo toàn diện công tác chuyển đổi số của tỉnh: chính quyền số, kinh tế số, xã hội số và chuyển đổi số trong công tác đảng.',
    body: [
      'I. TÌNH HÌNH VÀ NGUYÊN NHÂN',
      'Chuyển đổi số trên địa bàn tỉnh đã có kết quả bước đầu nhưng còn chậm và chưa toàn diện. Năm 2020, chỉ số đánh giá chuyển đổi số của tỉnh đứng thứ 48 trên 63 tỉnh, thành phố. Việc đầu tư và ứng dụng công nghệ thông tin trong quản lý, chỉ đạo, điều hành ở nhiều nơi chưa đồng bộ; hồ sơ, công việc được xử lý trên môi trường mạng chưa phổ biến; doanh nghiệp ứng dụng công nghệ số trong sản xuất, kinh doanh chưa mạnh; tỷ lệ người dân có tài khoản thanh toán điện tử và dùng dịch vụ công trực tuyến mức độ 4 còn thấp.',
      'Nguyên nhân chủ yếu là một số cấp ủy, chính quyền và người đứng đầu cơ quan, đơn vị chưa thực sự quan tâm đến chuyển đổi số; việc tuân thủ quy định, quy trình ứng dụng công nghệ thông tin chưa nghiêm; nguồn nhân lực và kinh phí còn hạn chế.',
      'II. QUAN ĐIỂM',
      'Chuyển đổi số là nhiệm vụ có ý nghĩa chiến lược, đặc biệt quan trọng trong phát triển kinh tế - xã hội của tỉnh, là cơ hội để Thái Bình bắt kịp, đi cùng và vượt lên. Chuyển đổi số phải được tiến hành đồng bộ trong cả hệ thống chính trị, lấy người dân và doanh nghiệp làm trung tâm; người đứng đầu cấp ủy, chính quyền trực tiếp chịu trách nhiệm.',
      'III. MỤC TIÊU',
      'Xây dựng, phát triển các hệ thống ứng dụng công nghệ số và nền tảng hạ tầng số của tỉnh, trọng tâm là chính quyền số, kinh tế số và xã hội số có trình độ phát triển khá. Hoạt động của cấp ủy, chính quyền, mô hình quản trị của doanh nghiệp và cách sống, làm việc của nhân dân từng bước được đưa lên môi trường số.',
      'Về chính quyền số: đến năm 2025 có 80% dịch vụ công trực tuyến mức độ 4 được cung cấp trên nhiều phương tiện, đến năm 2030 đạt 100%; toàn bộ văn bản của các cơ quan được xử lý trên hệ thống dùng chung của tỉnh.',
      'Về kinh tế số: đến năm 2025 kinh tế số chiếm 20% GRDP của tỉnh, đến năm 2030 tăng lên 30%; năm 2025 có 50% doanh nghiệp áp dụng công nghệ số trong sản xuất, kinh doanh.',
      'Về xã hội số: mỗi hộ gia đình đều tiếp cận được internet băng rộng; năm 2025 có 50% người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử, đến năm 2030 tăng lên 80%.',
      'Nghị quyết đề ra 8 nhóm giải pháp với 3 trụ cột chính: chính quyền số, kinh tế số, xã hội số.',
      'IV. NHIỆM VỤ VÀ GIẢI PHÁP',
      '1. Nâng cao nhận thức: tuyên truyền sâu rộng để cán bộ, đảng viên và nhân dân hiểu rõ lợi ích của chuyển đổi số; hưởng ứng Ngày Chuyển đổi số quốc gia 10/10 hằng năm.',
      '2. Chuyển đổi số trong công tác đảng: đưa phần mềm Sổ tay đảng viên điện tử vào sử dụng ở tất cả chi bộ; gửi tài liệu sinh hoạt chi bộ trước cho đảng viên nghiên cứu; tiếp nhận ý kiến của đảng viên qua phần mềm.',
      '3. Phát triển hạ tầng số và dữ liệu: hoàn thiện mạng truyền số liệu chuyên dùng, trung tâm dữ liệu của tỉnh; kết nối, chia sẻ dữ liệu giữa các cơ quan.',
      '4. Phát triển chính quyền số: giải quyết hồ sơ trên môi trường mạng, nâng cao tỷ lệ dịch vụ công trực tuyến mức độ 4; thực hiện Đề án 06 về dữ liệu dân cư.',
      '5. Phát triển kinh tế số và xã hội số: hỗ trợ doanh nghiệp ứng dụng công nghệ số trong sản xuất, kinh doanh; phổ cập thanh toán điện tử và kỹ năng số cho người dân.',
      'V. TỔ CHỨC THỰC HIỆN',
      'Các huyện ủy, thành ủy, đảng ủy trực thuộc tổ chức quán triệt Nghị quyết, xây dựng chương trình hành động và định kỳ sơ kết, báo cáo kết quả thực hiện với Ban Thường vụ Tỉnh ủy.',
    ],
  },
  {
    key: 'qd749',
    at: 'province',
    kind: 'quyet_dinh',
    number: '749/QĐ-TTg',
    issuedOn: '2020-06-03',
    issuer: 'Thủ tướng Chính phủ',
    level: 'central',
    title: 'Quyết định phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030',
    summary:
      'Chương trình chuyển đổi số quốc gia: căn cứ để các tỉnh xây dựng nghị quyết, đề án chuyển đổi số.',
    body: [
      'Chương trình xác định chuyển đổi số gồm ba trụ cột: chính phủ số, kinh tế số và xã hội số.',
      'Mục tiêu kép của Chương trình là vừa phát triển chính phủ số, kinh tế số, xã hội số, vừa hình thành các doanh nghiệp công nghệ số của Việt Nam có năng lực đi ra toàn cầu.',
      'Các bộ, ngành và địa phương căn cứ Chương trình để xây dựng kế hoạch chuyển đổi số của mình; người đứng đầu chịu trách nhiệm trực tiếp về chuyển đổi số trong cơ quan, địa phương.',
    ],
  },
  {
    key: 'huongdan',
    at: 'province',
    kind: 'huong_dan',
    number: '15-HD/BTCTU',
    issuedOn: '2021-12-10',
    issuer: 'Ban Tổ chức Tỉnh ủy Thái Bình',
    level: 'province',
    title: 'Hướng dẫn sử dụng Sổ tay đảng viên điện tử trong sinh hoạt chi bộ',
    summary: 'Cách bí thư chi bộ gửi nội dung sinh hoạt trước và cách đảng viên góp ý qua phần mềm.',
    body: [
      '1. Trước kỳ sinh hoạt ít nhất hai ngày, bí thư chi bộ đưa dự thảo chương trình, nội dung sinh hoạt đã được chi ủy thống nhất lên phần mềm.',
      '2. Đảng viên đọc tài liệu, chuẩn bị ý kiến và có thể gửi ý kiến góp ý ngay trên phần mềm; ý kiến được tổng hợp để thảo luận tại cuộc họp.',
      '3. Đảng viên tuổi cao được con cháu hoặc bí thư chi bộ hướng dẫn cài đặt, tăng cỡ chữ và dùng chức năng đọc thành tiếng.',
      '4. Đảng viên đi làm ăn xa theo dõi nội dung sinh hoạt và thông tin của chi bộ qua phần mềm, giữ mối liên hệ thường xuyên với chi bộ.',
    ],
  },
  {
    key: 'kehoach',
    at: 'province',
    kind: 'ke_hoach',
    number: '68-KH/TU',
    issuedOn: '2022-09-20',
    issuer: 'Ban Thường vụ Tỉnh ủy Thái Bình',
    level: 'province',
    title: 'Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia 10/10',
    summary: 'Tuyên truyền, hội nghị và các mô hình chuyển đổi số ở cơ sở nhân Ngày Chuyển đổi số quốc gia.',
    body: [
      'Chủ đề năm nay: chuyển đổi số giải quyết các vấn đề của xã hội vì một cuộc sống tốt đẹp hơn cho người dân.',
      'Các cơ quan báo chí, đài truyền thanh cơ sở mở chuyên mục về chuyển đổi số; giới thiệu các mô hình hay như sinh hoạt chi bộ qua Sổ tay đảng viên điện tử.',
      'Các đảng ủy cơ sở chỉ đạo chi bộ dành một phần nội dung sinh hoạt tháng 10 để trao đổi về chuyển đổi số ở địa phương.',
    ],
  },
  {
    key: 'thamkhao',
    at: 'province',
    kind: 'tham_khao',
    number: null,
    issuedOn: '2022-10-05',
    issuer: 'Ban Tuyên giáo Tỉnh ủy Thái Bình',
    level: 'province',
    title: 'Tài liệu tham khảo: đảng viên cao tuổi với Sổ tay đảng viên điện tử',
    summary: 'Kinh nghiệm của Chi bộ tổ dân phố số 6, thị trấn Quỳnh Côi (Quỳnh Phụ).',
    body: [
      'Chi bộ tổ dân phố số 6, thị trấn Quỳnh Côi có 81 đảng viên, trong đó 49 đồng chí sinh hoạt thường xuyên, phần lớn đã ngoài 60 tuổi.',
      'Trước đây, việc truyền đạt chủ trương, chính sách đến đảng viên gặp nhiều khó khăn vì nhiều đồng chí tuổi cao, sức yếu, nhất là trong thời gian dịch Covid-19.',
      'Từ khi dùng Sổ tay đảng viên điện tử, chỉ đạo của cấp trên đến đầy đủ với đảng viên; theo chiều ngược lại, đảng viên gửi ý kiến tới cấp ủy qua phần mềm. Bí thư chi bộ được tập huấn trước rồi trực tiếp hướng dẫn từng đảng viên cài đặt và sử dụng.',
    ],
  },
  {
    key: 'thongbao',
    at: 'commune',
    kind: 'thong_bao',
    number: '21-TB/ĐU',
    issuedOn: '2026-11-02',
    issuer: 'Đảng ủy xã',
    level: 'grassroots',
    title: 'Thông báo nội dung sinh hoạt chi bộ tháng 11 năm 2026',
    summary: 'Chuyên đề tháng: học tập Nghị quyết 02-NQ/TU và kết quả chuyển đổi số ở xã.',
    body: [
      'Các chi bộ tổ chức sinh hoạt thường kỳ trong tuần đầu của tháng.',
      'Nội dung chuyên đề: ôn lại mục tiêu, nhiệm vụ của Nghị quyết 02-NQ/TU về chuyển đổi số; đánh giá việc sử dụng Sổ tay đảng viên điện tử ở chi bộ.',
      'Bí thư chi bộ gửi tài liệu lên phần mềm trước ngày sinh hoạt hai ngày và báo cáo kết quả về Đảng ủy xã sau khi sinh hoạt.',
    ],
  },
];

export interface DemoNews {
  section: 'international' | 'national' | 'province' | 'bulletin';
  at: 'province' | 'commune' | 'branch';
  title: string;
  html: string;
  source: string | null;
  daysAgo: number;
  pinned?: boolean;
}

const BTB = 'Báo Thái Bình';

export const DEMO_NEWS: DemoNews[] = [
  {
    section: 'province',
    at: 'province',
    title: 'Nguyệt Lâm 3: họp chi bộ gọn hơn nhờ đọc tài liệu trước trên điện thoại',
    source: BTB,
    daysAgo: 1,
    html: `<p>Ở Chi bộ thôn Nguyệt Lâm 3, trước kia đảng viên chỉ biết nội dung sinh hoạt khi bí thư đọc tại cuộc họp, nên ít thời gian suy nghĩ và góp ý chưa sát.</p>
<h2>Tài liệu đến trước hai ngày</h2>
<p>Từ khi dùng <strong>Sổ tay đảng viên điện tử</strong>, bí thư chi bộ đưa chương trình và nội dung sinh hoạt lên phần mềm trước hai ngày. Đảng viên đọc trước, trao đổi và góp ý ngay trên điện thoại.</p>
<ul><li>Ý kiến chuẩn bị kỹ hơn, bám sát vấn đề.</li><li>Thời gian thảo luận tại cuộc họp được rút ngắn.</li><li>Bí thư chủ động xây dựng dự thảo sau mỗi thông báo của Đảng ủy xã.</li></ul>
<p>Theo bí thư chi bộ, nhiều đồng chí phản hồi trực tiếp qua phần mềm nên buổi sinh hoạt ngắn hơn mà chất lượng hơn.</p>`,
  },
  {
    section: 'province',
    at: 'province',
    title: 'Thái Bình: tỉnh đầu tiên đưa Sổ tay đảng viên điện tử vào sinh hoạt đảng',
    source: BTB,
    daysAgo: 2,
    html: `<p>Cuối năm 2021, Thái Bình là tỉnh đầu tiên trong cả nước đưa phần mềm Sổ tay đảng viên điện tử vào sử dụng, mở đầu chuyển đổi số trong công tác đảng.</p>
<h2>Đảng viên cao tuổi cũng dùng được</h2>
<p>Chi bộ tổ dân phố số 6, thị trấn Quỳnh Côi có 81 đảng viên, phần lớn những đồng chí sinh hoạt thường xuyên đã ngoài 60 tuổi. Bí thư chi bộ được tập huấn trước, rồi hướng dẫn từng người cài đặt và sử dụng.</p>
<p>Nhờ phần mềm, chỉ đạo của cấp trên đến đầy đủ với đảng viên, còn ý kiến của đảng viên cũng đến được cấp ủy nhanh hơn.</p>`,
  },
  {
    section: 'province',
    at: 'province',
    title: 'Khẩn trương đưa Nghị quyết 02 về chuyển đổi số vào cuộc sống',
    source: BTB,
    daysAgo: 3,
    html: `<p>Năm 2020, chỉ số chuyển đổi số của Thái Bình xếp thứ 48/63 tỉnh, thành phố. Nghị quyết 02-NQ/TU chỉ rõ quá trình chuyển đổi số còn chậm, chưa toàn diện.</p>
<h3>Những việc cần làm ngay</h3>
<ol><li>Người đứng đầu cấp ủy, chính quyền trực tiếp chỉ đạo chuyển đổi số.</li><li>Tăng xử lý hồ sơ trên môi trường mạng và dịch vụ công trực tuyến.</li><li>Hỗ trợ doanh nghiệp ứng dụng công nghệ số trong sản xuất.</li></ol>
<p>Cách mạng công nghiệp lần thứ tư được nhìn nhận là thời cơ để tỉnh bắt kịp, đi cùng và vượt lên.</p>`,
  },
  {
    section: 'province',
    at: 'province',
    title: 'Công đoàn các cấp trong tỉnh thi đua chào mừng Đại hội Công đoàn Việt Nam lần thứ XIII',
    source: BTB,
    daysAgo: 5,
    html: `<p>Liên đoàn Lao động tỉnh tổ chức hội nghị tiếp xúc đoàn viên, người lao động tại Công ty Tân Đệ với 300 đại biểu, đại diện cho hơn 13.000 người lao động của công ty.</p>
<p>Tại hội nghị, người lao động mong công đoàn có thêm chương trình phúc lợi và phối hợp với doanh nghiệp để đào tạo nâng cao tay nghề, đáp ứng yêu cầu sản xuất trong thời đại công nghệ mới. Các ý kiến được tổng hợp để gửi tới Đại hội.</p>`,
  },
  {
    section: 'national',
    at: 'province',
    title: 'Ngày Chuyển đổi số quốc gia 10/10: chuyển đổi số vì cuộc sống tốt đẹp hơn',
    source: BTB,
    daysAgo: 4,
    html: `<p>Thủ tướng Chính phủ quyết định lấy ngày 10/10 hằng năm là Ngày Chuyển đổi số quốc gia. Chủ đề năm nay nhấn mạnh chuyển đổi số để giải quyết các vấn đề của xã hội, vì cuộc sống tốt đẹp hơn cho người dân.</p>
<p>Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 được phê duyệt tại Quyết định 749/QĐ-TTg ngày 3/6/2020, với ba trụ cột chính phủ số, kinh tế số và xã hội số.</p>`,
  },
  {
    section: 'national',
    at: 'province',
    title: 'Các địa phương cụ thể hóa Chương trình Chuyển đổi số quốc gia',
    source: BTB,
    daysAgo: 8,
    html: `<p>Trên cơ sở Chương trình Chuyển đổi số quốc gia, nhiều tỉnh đã ban hành nghị quyết, đề án riêng; thành lập ban chỉ đạo chuyển đổi số và tổ công tác triển khai Đề án 06 về dữ liệu dân cư.</p>
<p>Theo Giám đốc Sở Thông tin và Truyền thông Thái Bình, đây là hành lang pháp lý để cả hệ thống chính trị cùng vào cuộc.</p>`,
  },
  {
    section: 'international',
    at: 'province',
    title: 'Cách mạng công nghiệp lần thứ tư: vận hội cho các nền kinh tế đi sau',
    source: BTB,
    daysAgo: 6,
    html: `<p>Cuộc cách mạng công nghiệp lần thứ tư, với cốt lõi là chuyển đổi số, đang thay đổi cách sản xuất và cách sống ở khắp các châu lục.</p>
<p>Giới nghiên cứu cho rằng đây là vận hội chưa từng có để các quốc gia và địa phương đi sau rút ngắn khoảng cách, nếu chuẩn bị tốt hạ tầng số và nguồn nhân lực.</p>`,
  },
  {
    section: 'international',
    at: 'province',
    title: 'Thanh toán điện tử lan rộng: bài học cho phổ cập kỹ năng số',
    source: BTB,
    daysAgo: 9,
    html: `<p>Ở nhiều nước, thanh toán điện tử và dịch vụ công trực tuyến đã trở thành thói quen hằng ngày. Kinh nghiệm chung là bắt đầu từ những dịch vụ thiết thực và hướng dẫn tận nơi cho người cao tuổi.</p>`,
  },
  {
    section: 'bulletin',
    at: 'commune',
    title: 'Bản tin Đảng ủy xã tháng 11/2026: học tập Nghị quyết 02 và lịch sinh hoạt chi bộ',
    source: null,
    daysAgo: 0,
    pinned: true,
    html: `<h2>Lịch sinh hoạt</h2><p>Các chi bộ sinh hoạt thường kỳ trong tuần đầu tháng 11. Tài liệu chuyên đề đã có trong mục <a href="/documents">Văn bản</a>.</p>
<h2>Việc cần làm</h2><ul><li>Bí thư chi bộ gửi nội dung sinh hoạt lên phần mềm trước hai ngày.</li><li>Đảng viên đọc trước Nghị quyết 02-NQ/TU và chuẩn bị ý kiến.</li><li>Xác nhận đã nhận công văn của Đảng ủy trong mục Văn bản đến.</li></ul>`,
  },
  {
    section: 'bulletin',
    at: 'branch',
    title: 'Chi bộ thôn: hướng dẫn đảng viên cao tuổi bật chữ lớn và nghe đọc',
    source: null,
    daysAgo: 2,
    html: `<p>Chi ủy sẽ đến từng nhà hướng dẫn các đồng chí cao tuổi bật <strong>chữ lớn</strong> và dùng nút <strong>Nghe đọc</strong> để nghe tài liệu sinh hoạt.</p>`,
  },
];
