/**
 * Default meeting procedures (quy trình sinh hoạt chi bộ), in the order of Hướng dẫn 12-HD/BTCTW (6/7/2018) as
 * summarised in PRODUCT.md §3. They are data: an organisation copies and edits them, an upper committee can
 * publish its version to its subtree.
 */

/** What a step does, so the interface knows which tool to show (roll call, vote, dues book…). */
export type StepKind =
  | 'dues'
  | 'roll_call'
  | 'agenda_approval'
  | 'minute_taker'
  | 'information'
  | 'review'
  | 'opinions'
  | 'tasks'
  | 'themed_topic'
  | 'discussion'
  | 'conclusion'
  | 'vote'
  | 'quality_score'
  | 'minutes'
  | 'closing'
  | 'other';

export type MeetingKind = 'regular' | 'themed' | 'regular_and_themed';

export interface StepTemplate {
  /** Stable within a template; used to match steps across template versions. */
  key: string;
  kind: StepKind;
  title: string;
  description: string;
  /** Optional steps may be skipped during the meeting; all others must be held in order. */
  optional?: boolean;
}

export interface ProcedureTemplate {
  id: string;
  meetingKind: MeetingKind;
  title: string;
  steps: StepTemplate[];
}

const OPENING: StepTemplate[] = [
  {
    key: 'dues',
    kind: 'dues',
    title: 'Thu đảng phí',
    description: 'Thu đảng phí tháng của đảng viên, ghi vào sổ theo dõi.',
  },
  {
    key: 'roll_call',
    kind: 'roll_call',
    title: 'Điểm danh',
    description: 'Kiểm diện đảng viên: có mặt, vắng có lý do, vắng không lý do, miễn sinh hoạt.',
  },
  {
    key: 'agenda',
    kind: 'agenda_approval',
    title: 'Thông qua chương trình',
    description: 'Đồng chí chủ trì nêu mục đích, yêu cầu và thông qua chương trình buổi sinh hoạt.',
  },
  {
    key: 'minute_taker',
    kind: 'minute_taker',
    title: 'Cử thư ký',
    description: 'Cử đồng chí ghi biên bản buổi sinh hoạt.',
  },
];

const CLOSING: StepTemplate[] = [
  {
    key: 'quality',
    kind: 'quality_score',
    title: 'Đánh giá chất lượng buổi sinh hoạt',
    description: 'Chi bộ tự chấm điểm, xếp loại chất lượng buổi sinh hoạt theo bảng tiêu chí.',
    optional: true,
  },
  {
    key: 'minutes',
    kind: 'minutes',
    title: 'Thông qua biên bản',
    description: 'Thư ký đọc lại biên bản; chi bộ góp ý và thông qua.',
  },
  {
    key: 'closing',
    kind: 'closing',
    title: 'Bế mạc',
    description: 'Đồng chí chủ trì tuyên bố kết thúc buổi sinh hoạt.',
  },
];

const REGULAR_BODY: StepTemplate[] = [
  {
    key: 'information',
    kind: 'information',
    title: 'Thông tin thời sự và chỉ đạo của cấp trên',
    description: 'Thông tin tình hình thời sự, chủ trương, chỉ đạo của cấp ủy cấp trên.',
  },
  {
    key: 'review',
    kind: 'review',
    title: 'Đánh giá kết quả tháng trước',
    description: 'Đánh giá việc thực hiện nhiệm vụ tháng trước của chi bộ và của từng đảng viên.',
  },
  {
    key: 'opinions',
    kind: 'opinions',
    title: 'Ý kiến của đảng viên và quần chúng',
    description: 'Tổng hợp ý kiến, kiến nghị của đảng viên và quần chúng nhân dân.',
  },
  {
    key: 'tasks',
    kind: 'tasks',
    title: 'Nhiệm vụ tháng tới',
    description: 'Phương hướng, nhiệm vụ tháng tới và phân công đảng viên thực hiện.',
  },
];

const THEMED_BODY: StepTemplate[] = [
  {
    key: 'themed_topic',
    kind: 'themed_topic',
    title: 'Trình bày chuyên đề',
    description: 'Đồng chí được phân công trình bày nội dung chuyên đề.',
  },
];

const DISCUSSION: StepTemplate = {
  key: 'discussion',
  kind: 'discussion',
  title: 'Thảo luận',
  description: 'Đảng viên phát biểu, đóng góp ý kiến vào các nội dung.',
};

const VOTE: StepTemplate = {
  key: 'vote',
  kind: 'vote',
  title: 'Biểu quyết thông qua nghị quyết',
  description: 'Đồng chí chủ trì kết luận; chi bộ biểu quyết thông qua nghị quyết.',
};

const THEMED_CONCLUSION: StepTemplate = {
  key: 'conclusion',
  kind: 'conclusion',
  title: 'Kết luận chuyên đề',
  description: 'Đồng chí chủ trì kết luận những vấn đề chi bộ thống nhất, nhiệm vụ cần thực hiện.',
};

export const REGULAR_MEETING_TEMPLATE: ProcedureTemplate = {
  id: 'default-regular',
  meetingKind: 'regular',
  title: 'Sinh hoạt chi bộ thường kỳ',
  steps: [...OPENING, ...REGULAR_BODY, DISCUSSION, VOTE, ...CLOSING],
};

export const THEMED_MEETING_TEMPLATE: ProcedureTemplate = {
  id: 'default-themed',
  meetingKind: 'themed',
  title: 'Sinh hoạt chi bộ chuyên đề',
  steps: [
    ...OPENING,
    ...THEMED_BODY,
    DISCUSSION,
    THEMED_CONCLUSION,
    { ...VOTE, title: 'Biểu quyết thông qua kết luận', optional: true },
    ...CLOSING,
  ],
};

export const REGULAR_AND_THEMED_MEETING_TEMPLATE: ProcedureTemplate = {
  id: 'default-regular-and-themed',
  meetingKind: 'regular_and_themed',
  title: 'Sinh hoạt chi bộ thường kỳ kết hợp chuyên đề',
  steps: [...OPENING, ...REGULAR_BODY, ...THEMED_BODY, DISCUSSION, VOTE, ...CLOSING],
};

export const DEFAULT_TEMPLATES: readonly ProcedureTemplate[] = [
  REGULAR_MEETING_TEMPLATE,
  THEMED_MEETING_TEMPLATE,
  REGULAR_AND_THEMED_MEETING_TEMPLATE,
];

export type TemplateIssueCode =
  'TEMPLATE_EMPTY' | 'TEMPLATE_DUPLICATE_KEY' | 'TEMPLATE_TITLE_MISSING' | 'TEMPLATE_VOTE_BEFORE_ROLL_CALL';

export interface TemplateIssue {
  code: TemplateIssueCode;
  key?: string;
}

/** Checks an edited template before it is saved. */
export function validateTemplate(template: ProcedureTemplate): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  if (template.steps.length === 0) issues.push({ code: 'TEMPLATE_EMPTY' });
  const keys = new Set<string>();
  let rollCallSeen = false;
  for (const step of template.steps) {
    if (keys.has(step.key)) issues.push({ code: 'TEMPLATE_DUPLICATE_KEY', key: step.key });
    keys.add(step.key);
    if (step.title.trim() === '') issues.push({ code: 'TEMPLATE_TITLE_MISSING', key: step.key });
    if (step.kind === 'roll_call') rollCallSeen = true;
    // A vote needs the vote base, which only the roll call establishes.
    if (step.kind === 'vote' && !rollCallSeen)
      issues.push({ code: 'TEMPLATE_VOTE_BEFORE_ROLL_CALL', key: step.key });
  }
  return issues;
}
