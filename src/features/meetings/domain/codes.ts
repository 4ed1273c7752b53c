import type { ErrorSpec } from '../../../platform/errors.ts';
import type { AttendanceIssueCode } from './attendance.ts';
import type { VoteIneligibleCode } from './eligibility.ts';
import type { MeetingErrorCode } from './steps.ts';
import type { TemplateIssueCode } from './templates.ts';
import type { MaterialsCheck } from './timing.ts';
import type { CastVoteCode, VoteOutcome } from './vote.ts';

/**
 * Stable codes of the meeting domain with HTTP status and messages, as data: the HTTP layer passes
 * `MEETING_ERRORS` to `registerErrors` once. The record types make the compiler insist on one entry per code.
 */
export const MEETING_ERRORS: Record<MeetingErrorCode | VoteIneligibleCode | CastVoteCode, ErrorSpec> = {
  MEETING_VERSION_CONFLICT: {
    status: 409,
    vi: 'Cuộc họp vừa được người khác cập nhật. Vui lòng tải lại rồi thao tác tiếp.',
    en: 'The meeting was changed by someone else. Reload and try again.',
  },
  MEETING_CLOSED: {
    status: 409,
    vi: 'Cuộc họp đã kết thúc, không thể thay đổi.',
    en: 'The meeting is closed and cannot be changed.',
  },
  MEETING_NOT_LIVE: {
    status: 409,
    vi: 'Cuộc họp chưa bắt đầu hoặc không đang diễn ra.',
    en: 'The meeting is not in progress.',
  },
  MEETING_NOT_ENDED: {
    status: 409,
    vi: 'Chỉ thông qua biên bản sau khi cuộc họp kết thúc.',
    en: 'Minutes can be approved only after the meeting has ended.',
  },
  MEETING_INVALID_TRANSITION: {
    status: 409,
    vi: 'Thao tác không phù hợp với trạng thái hiện tại của cuộc họp.',
    en: 'This action does not fit the meeting’s current state.',
  },
  MEETING_PROGRAMME_LOCKED: {
    status: 409,
    vi: 'Cuộc họp đã bắt đầu, không thể sửa chương trình.',
    en: 'The meeting has started; its programme can no longer be edited.',
  },
  MEETING_PROGRAMME_EMPTY: {
    status: 422,
    vi: 'Chương trình cuộc họp phải có ít nhất một nội dung.',
    en: 'The programme needs at least one step.',
  },
  MEETING_STEP_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy nội dung này trong chương trình.',
    en: 'No such step in the programme.',
  },
  MEETING_STEP_OUT_OF_ORDER: {
    status: 409,
    vi: 'Xong nội dung hiện tại mới được chuyển sang nội dung kế tiếp.',
    en: 'Finish the current step before moving to the next one.',
  },
  MEETING_STEP_NOT_OPEN: {
    status: 409,
    vi: 'Nội dung này không đang được tiến hành.',
    en: 'This step is not open.',
  },
  MEETING_STEP_NOT_SKIPPABLE: {
    status: 409,
    vi: 'Nội dung này là bắt buộc, không thể bỏ qua.',
    en: 'This step is required and cannot be skipped.',
  },
  MEETING_STEPS_INCOMPLETE: {
    status: 409,
    vi: 'Còn nội dung chưa thực hiện xong, chưa thể kết thúc cuộc họp.',
    en: 'Some steps are not finished yet.',
  },
  VOTE_NOT_A_MEMBER: {
    status: 403,
    vi: 'Bạn không thuộc danh sách đảng viên của chi bộ này.',
    en: 'You are not a member of this branch.',
  },
  VOTE_NOT_ELIGIBLE_PROBATIONARY: {
    status: 403,
    vi: 'Đảng viên dự bị được tham gia thảo luận nhưng không biểu quyết.',
    en: 'Probationary members take part but do not vote.',
  },
  VOTE_NOT_ELIGIBLE_TRANSFERRED: {
    status: 403,
    vi: 'Đảng viên sinh hoạt tạm thời biểu quyết tại chi bộ nơi sinh hoạt chính thức.',
    en: 'Members in temporary activity vote in their home branch.',
  },
  VOTE_NOT_ELIGIBLE_EXEMPT: {
    status: 403,
    vi: 'Đảng viên được miễn sinh hoạt không biểu quyết theo quy định của tổ chức này.',
    en: 'Exempt members do not vote under this organisation’s rules.',
  },
  VOTE_NOT_PRESENT: {
    status: 403,
    vi: 'Chỉ đảng viên có mặt tại cuộc họp mới được biểu quyết.',
    en: 'Only members present at the meeting may vote.',
  },
  VOTE_CLOSED: {
    status: 409,
    vi: 'Biểu quyết đã kết thúc, kết quả là chính thức.',
    en: 'Voting is closed; the result is final.',
  },
  VOTE_DUPLICATE: {
    status: 409,
    vi: 'Bạn đã biểu quyết nội dung này.',
    en: 'You have already voted on this motion.',
  },
};

type NoticeCode =
  | AttendanceIssueCode
  | TemplateIssueCode
  | NonNullable<MaterialsCheck['code']>
  | NonNullable<VoteOutcome['problem']>;

/** Warnings shown to the secretary (not request failures): Vietnamese first, English second. */
export const MEETING_NOTICES: Record<NoticeCode, { vi: string; en: string }> = {
  ROLL_CALL_UNKNOWN_MEMBER: {
    vi: 'Có người được điểm danh nhưng không thuộc chi bộ.',
    en: 'Someone on the roll call is not in the branch.',
  },
  ROLL_CALL_DUPLICATE_MARK: {
    vi: 'Một đảng viên được điểm danh hai lần; lần sau cùng được ghi nhận.',
    en: 'A member was marked twice; the last mark counts.',
  },
  ROLL_CALL_EXEMPT_MARK_FOR_NON_EXEMPT: {
    vi: 'Đảng viên được ghi miễn sinh hoạt nhưng hồ sơ chưa ghi nhận miễn sinh hoạt.',
    en: 'A member marked exempt is not exempt in the records.',
  },
  ROLL_CALL_REASON_MISSING: {
    vi: 'Vắng có lý do nhưng chưa ghi lý do.',
    en: 'Absent with reason, but no reason given.',
  },
  TEMPLATE_EMPTY: { vi: 'Quy trình chưa có nội dung nào.', en: 'The procedure has no steps.' },
  TEMPLATE_DUPLICATE_KEY: { vi: 'Hai nội dung trùng mã.', en: 'Two steps share a key.' },
  TEMPLATE_TITLE_MISSING: { vi: 'Có nội dung chưa đặt tên.', en: 'A step has no title.' },
  TEMPLATE_VOTE_BEFORE_ROLL_CALL: {
    vi: 'Biểu quyết phải đặt sau bước điểm danh.',
    en: 'The vote must come after the roll call.',
  },
  MATERIALS_NOT_PUBLISHED: {
    vi: 'Tài liệu sinh hoạt chưa được đăng tải.',
    en: 'The meeting materials are not published yet.',
  },
  MATERIALS_LATE: {
    vi: 'Tài liệu sinh hoạt cần được đăng tải trước ít nhất 01 ngày (Hướng dẫn 42-HD/BTCTW ngày 28/10/2025).',
    en: 'Materials should be published at least one day before the meeting.',
  },
  VOTES_EXCEED_BASE: {
    vi: 'Số phiếu nhiều hơn số đảng viên có quyền biểu quyết; kiểm tra lại kết quả.',
    en: 'More votes than members entitled to vote; check the count.',
  },
  NO_VOTE_BASE: {
    vi: 'Không có đảng viên nào có quyền biểu quyết tại cuộc họp này.',
    en: 'No member present is entitled to vote.',
  },
};
