import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  TASK_PROGRESS_RANGE: {
    status: 422,
    vi: 'Tiến độ phải từ 0 đến 100%.',
    en: 'Progress must be between 0 and 100%.',
  },
  TASK_DEADLINE_BEFORE_START: {
    status: 422,
    vi: 'Hạn hoàn thành không được trước ngày giao nhiệm vụ.',
    en: 'The deadline cannot be before the day the task is given.',
  },
  TASK_CYCLE: {
    status: 422,
    vi: 'Nhiệm vụ không thể là nhiệm vụ con của chính nó hoặc của nhiệm vụ con của nó.',
    en: 'A task cannot be a sub-task of itself or of its own sub-tasks.',
  },
  TASK_WEIGHT_INVALID: {
    status: 422,
    vi: 'Trọng số của nhiệm vụ con phải lớn hơn 0 và không quá 1000.',
    en: 'A sub-task weight must be above 0 and at most 1000.',
  },
  TASK_OWNER_OUTSIDE: {
    status: 422,
    vi: 'Người chủ trì phải là đảng viên của tổ chức đảng giao nhiệm vụ.',
    en: 'The owner must be a member of the organisation giving the task.',
  },
  TASK_PARENT_OTHER_ORG: {
    status: 422,
    vi: 'Nhiệm vụ con phải thuộc cùng tổ chức đảng với nhiệm vụ cha.',
    en: 'A sub-task must belong to the same organisation as its parent.',
  },
  TASK_NOT_OWNER: {
    status: 403,
    vi: 'Chỉ người chủ trì, người phối hợp hoặc cấp ủy mới được cập nhật tiến độ.',
    en: 'Only the owner, a contributor or the committee may post progress.',
  },
  TASK_HAS_SUBTASKS: {
    status: 422,
    vi: 'Tiến độ của nhiệm vụ có nhiệm vụ con được tính từ các nhiệm vụ con.',
    en: 'The progress of a task with sub-tasks is rolled up from them.',
  },
  TASK_CLOSED: {
    status: 409,
    vi: 'Nhiệm vụ đã hủy, không thể cập nhật.',
    en: 'The task was cancelled and cannot be updated.',
  },
  TASK_FILES_LIMIT: {
    status: 422,
    vi: 'Mỗi lần báo cáo tiến độ chỉ đính kèm được tối đa 10 tệp.',
    en: 'A progress update can have at most 10 attached files.',
  },
  TASK_FILE_NOT_AUTHOR: {
    status: 403,
    vi: 'Chỉ người viết báo cáo tiến độ hoặc cấp ủy mới được đính kèm tệp vào báo cáo này.',
    en: 'Only the author of the progress update or the committee may attach files to it.',
  },
});
