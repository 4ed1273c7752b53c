import { Type } from '@fastify/type-provider-typebox';
import { Id } from '../orgs/schemas.ts';

export const MeetingParams = Type.Object({ id: Id });
export const MaterialParams = Type.Object({ id: Id, materialId: Id });
export const CommentParams = Type.Object({ id: Id, commentId: Id });
export const MotionParams = Type.Object({ id: Id, motionId: Id });

const Kind = Type.Union([
  Type.Literal('regular'),
  Type.Literal('themed'),
  Type.Literal('regular_and_themed'),
]);
const StepKind = Type.Union(
  [
    'dues',
    'roll_call',
    'agenda_approval',
    'minute_taker',
    'information',
    'review',
    'opinions',
    'tasks',
    'themed_topic',
    'discussion',
    'conclusion',
    'vote',
    'quality_score',
    'minutes',
    'closing',
    'other',
  ].map((k) => Type.Literal(k)),
);

export const StepTemplateSchema = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9_-]+$' }),
    kind: StepKind,
    title: Type.String({ maxLength: 300 }),
    description: Type.String({ maxLength: 2000 }),
    optional: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const TemplateBody = Type.Object(
  {
    meetingKind: Kind,
    title: Type.String({ minLength: 1, maxLength: 200 }),
    steps: Type.Array(StepTemplateSchema, { maxItems: 60 }),
    published: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const CreateMeetingBody = Type.Object(
  {
    kind: Kind,
    title: Type.Optional(Type.String({ maxLength: 300 })),
    theme: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    startsAt: Type.String({ minLength: 10, maxLength: 40 }),
    place: Type.String({ minLength: 1, maxLength: 300 }),
    online: Type.Optional(Type.Boolean()),
    templateId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const UpdateMeetingBody = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    theme: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    startsAt: Type.Optional(Type.String({ minLength: 10, maxLength: 40 })),
    place: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    online: Type.Optional(Type.Boolean()),
    chairMemberId: Type.Optional(Type.Union([Id, Type.Null()])),
    minuteTakerMemberId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);

export const VersionBody = Type.Object(
  { expectedVersion: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const ProgrammeBody = Type.Object(
  { expectedVersion: Type.Integer({ minimum: 1 }), steps: Type.Array(StepTemplateSchema, { maxItems: 60 }) },
  { additionalProperties: false },
);

export const StepBody = Type.Object(
  {
    action: Type.Union([Type.Literal('open'), Type.Literal('close'), Type.Literal('skip')]),
    stepId: Type.String({ minLength: 1, maxLength: 100 }),
    expectedVersion: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

export const MaterialBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('document'), Type.Literal('link'), Type.Literal('guidance')]),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    documentId: Type.Optional(Type.Union([Id, Type.Null()])),
    url: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const DraftBody = Type.Object(
  {
    title: Type.String({ maxLength: 300 }),
    assessment: Type.Array(
      Type.Object(
        { id: Type.Optional(Type.String({ maxLength: 40 })), text: Type.String({ maxLength: 5000 }) },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    tasks: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Type.String({ maxLength: 40 })),
          content: Type.String({ maxLength: 2000 }),
          owner: Type.String({ maxLength: 300 }),
          deadline: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);

export const CommentBody = Type.Object(
  {
    targetKind: Type.Union([Type.Literal('agenda'), Type.Literal('paragraph'), Type.Literal('general')]),
    targetId: Type.String({ minLength: 1, maxLength: 100 }),
    parentId: Type.Optional(Type.Union([Id, Type.Null()])),
    body: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);

export const CommentMarkBody = Type.Object(
  {
    status: Type.Union([Type.Literal('open'), Type.Literal('accepted'), Type.Literal('answered')]),
    answer: Type.Optional(Type.Union([Type.String({ maxLength: 4000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const AttendanceBody = Type.Object(
  {
    marks: Type.Array(
      Type.Object(
        {
          memberId: Id,
          mark: Type.Union([
            Type.Literal('present'),
            Type.Literal('absent_with_reason'),
            Type.Literal('absent_without_reason'),
            Type.Literal('exempt'),
          ]),
          reason: Type.Optional(Type.String({ maxLength: 500 })),
          remote: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

export const CheckInBody = Type.Object(
  {
    token: Type.Optional(Type.String({ maxLength: 200 })),
    code: Type.Optional(Type.String({ maxLength: 12 })),
  },
  { additionalProperties: false },
);

export const NoteBody = Type.Object(
  {
    stepId: Type.String({ minLength: 1, maxLength: 100 }),
    text: Type.String({ minLength: 1, maxLength: 10000 }),
    speaker: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    kind: Type.Optional(Type.Union([Type.Literal('note'), Type.Literal('conclusion')])),
  },
  { additionalProperties: false },
);

export const MotionBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    method: Type.Union([Type.Literal('show_of_hands'), Type.Literal('app')]),
    isResolution: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const BallotBody = Type.Object(
  { choice: Type.Union([Type.Literal('for'), Type.Literal('against'), Type.Literal('abstain')]) },
  { additionalProperties: false },
);

const Count = Type.Integer({ minimum: 0, maximum: 10000 });
export const HandsBody = Type.Object(
  { for: Count, against: Count, abstain: Count },
  { additionalProperties: false },
);

export const MinutesBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          index: Type.Integer({ minimum: 1 }),
          notes: Type.Array(
            Type.Object(
              {
                speaker: Type.Optional(Type.String({ maxLength: 200 })),
                text: Type.String({ maxLength: 10000 }),
              },
              { additionalProperties: false },
            ),
            { maxItems: 200 },
          ),
          conclusion: Type.Optional(Type.Union([Type.String({ maxLength: 10000 }), Type.Null()])),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    conclusion: Type.Optional(Type.Union([Type.String({ maxLength: 10000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

export const QualityBody = Type.Object(
  { answers: Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.Number(), Type.Boolean()])) },
  { additionalProperties: false },
);

export const ListQuery = Type.Object({
  scope: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('past'), Type.Literal('all')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const DiffQuery = Type.Object({
  from: Type.Integer({ minimum: 1 }),
  to: Type.Integer({ minimum: 1 }),
});
