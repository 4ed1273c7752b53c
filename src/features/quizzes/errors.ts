import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  QUIZ_INVALID_QUESTION: {
    status: 422,
    vi: 'Câu hỏi chưa hợp lệ: cần ít nhất hai phương án khác nhau, đáp án đúng và đoạn văn bản được trích dẫn.',
    en: 'The question is not valid: it needs two different options, a correct answer and a cited paragraph.',
  },
  QUIZ_ANSWER_NOT_IN_PARAGRAPH: {
    status: 422,
    vi: 'Đáp án đúng không có trong đoạn văn bản được trích dẫn. Hãy sửa phương án cho khớp với đoạn trích hoặc chọn đoạn khác.',
    en: 'The correct answer is not written in the cited paragraph. Make the options match the paragraph or cite another one.',
  },
  QUIZ_BAD_TRANSITION: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của câu hỏi.',
    en: 'This action is not possible in the question’s current state.',
  },
  QUIZ_NOT_ENOUGH_QUESTIONS: {
    status: 422,
    vi: 'Văn bản chưa có đủ câu hỏi đã duyệt.',
    en: 'The document does not have enough accepted questions.',
  },
  QUIZ_LLM_UNAVAILABLE: {
    status: 503,
    vi: 'Chưa cấu hình hoặc không kết nối được dịch vụ sinh câu hỏi bổ sung.',
    en: 'The additional question provider is not configured or not reachable.',
  },
  CONTEST_NOT_OPEN: {
    status: 409,
    vi: 'Cuộc thi chưa mở hoặc đã kết thúc.',
    en: 'The contest is not open.',
  },
  CONTEST_ALREADY_TAKEN: {
    status: 409,
    vi: 'Bạn đã dự thi cuộc thi này; mỗi người chỉ được thi một lần.',
    en: 'You have already taken this contest; one attempt per person.',
  },
  CONTEST_TIME_UP: {
    status: 409,
    vi: 'Đã hết thời gian làm bài; câu trả lời không được ghi nhận.',
    en: 'The time limit has passed; the answer was not recorded.',
  },
  CONTEST_FINISHED: {
    status: 409,
    vi: 'Bài thi đã nộp.',
    en: 'The attempt has already been submitted.',
  },
  CONTEST_NO_ATTEMPT: {
    status: 409,
    vi: 'Bạn chưa bắt đầu bài thi này.',
    en: 'You have not started this contest.',
  },
  CONTEST_NOT_FINISHED: {
    status: 409,
    vi: 'Giấy chứng nhận chỉ có sau khi nộp bài.',
    en: 'The certificate is available after the attempt is submitted.',
  },
  CONTEST_BAD_TIMES: {
    status: 422,
    vi: 'Thời gian kết thúc phải sau thời gian bắt đầu.',
    en: 'The end must be after the start.',
  },
  QUIZ_MEMBERS_ONLY: {
    status: 403,
    vi: 'Chỉ đảng viên của tổ chức mới dự thi được.',
    en: 'Only members of the organisation can take part.',
  },
});
