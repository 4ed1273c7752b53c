import { Type } from '@fastify/type-provider-typebox';
import { Id } from '../orgs/schemas.ts';

export const Kind = Type.Union([
  Type.Literal('single'),
  Type.Literal('multiple'),
  Type.Literal('true_false'),
]);
export const Status = Type.Union([
  Type.Literal('proposed'),
  Type.Literal('accepted'),
  Type.Literal('edited'),
  Type.Literal('rejected'),
  Type.Literal('retired'),
]);

export const QuestionBody = Type.Object({
  kind: Kind,
  stem: Type.String({ minLength: 1, maxLength: 1000 }),
  options: Type.Array(Type.String({ maxLength: 500 }), { maxItems: 8 }),
  correct: Type.Array(Type.Integer({ minimum: 0, maximum: 7 }), { minItems: 1, maxItems: 8 }),
  paragraphId: Type.String({ minLength: 1, maxLength: 64 }),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20 })),
});

/** The editor's view: with the answers. */
export const QuestionView = Type.Object({
  id: Type.String(),
  documentId: Type.String(),
  kind: Kind,
  stem: Type.String(),
  options: Type.Array(Type.String()),
  correct: Type.Array(Type.Integer()),
  paragraphId: Type.String(),
  paragraphText: Type.Union([Type.String(), Type.Null()]),
  /** Whether the cited paragraph holds the answer; null when it cannot be checked (a false statement). */
  answerInParagraph: Type.Union([Type.Boolean(), Type.Null()]),
  tags: Type.Array(Type.String()),
  status: Status,
  origin: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** What a person answering sees: never the correct options. */
export const AskedQuestion = Type.Object({
  id: Type.String(),
  kind: Kind,
  stem: Type.String(),
  options: Type.Array(Type.String()),
});

export const Feedback = Type.Object({
  correct: Type.Boolean(),
  correctOptions: Type.Array(Type.Integer()),
  paragraph: Type.Object({ id: Type.String(), text: Type.String() }),
});

export const ReviewBody = Type.Object({
  action: Type.Union([
    Type.Literal('accept'),
    Type.Literal('reject'),
    Type.Literal('retire'),
    Type.Literal('restore'),
  ]),
});

export const GenerateBody = Type.Object({
  provider: Type.Optional(Type.Union([Type.Literal('builtin'), Type.Literal('llm')])),
  max: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
});

export const ContestBody = Type.Object({
  documentId: Id,
  title: Type.String({ minLength: 1, maxLength: 300 }),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  questionCount: Type.Integer({ minimum: 1, maximum: 100 }),
  timeLimitSeconds: Type.Integer({ minimum: 30, maximum: 4 * 3600 }),
});

export const AttemptState = Type.Union([
  Type.Literal('none'),
  Type.Literal('running'),
  Type.Literal('finished'),
]);

export const ContestView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  documentId: Type.String(),
  documentTitle: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  questionCount: Type.Integer(),
  timeLimitSeconds: Type.Integer(),
  open: Type.Boolean(),
  attempt: AttemptState,
  score: Type.Union([Type.Integer(), Type.Null()]),
  /** Whether the caller runs contests over the contest's organisation (results of every organisation below). */
  canManage: Type.Boolean(),
  /** Whether the caller takes part: a member whose branch lies in the contest's subtree. */
  canTake: Type.Boolean(),
  /** Leaderboards the caller may open: their branch and its committees up to the contest's organisation. */
  boards: Type.Array(Type.Object({ orgId: Type.String(), name: Type.String() })),
});

export const AttemptView = Type.Object({
  contestId: Type.String(),
  startedAt: Type.String(),
  deadlineAt: Type.String(),
  /** Seconds left by the server's clock when this answer was built. */
  remainingSeconds: Type.Integer(),
  finished: Type.Boolean(),
  score: Type.Union([Type.Integer(), Type.Null()]),
  total: Type.Integer(),
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Kind,
      stem: Type.String(),
      options: Type.Array(Type.String()),
      chosen: Type.Array(Type.Integer()),
      /** Only after the attempt is over. */
      correctOptions: Type.Optional(Type.Array(Type.Integer())),
      paragraph: Type.Optional(Type.Object({ id: Type.String(), text: Type.String() })),
    }),
  ),
});

export const Leaderboard = Type.Object({
  org: Type.Object({ id: Type.String(), name: Type.String() }),
  entries: Type.Array(
    Type.Object({
      rank: Type.Integer(),
      name: Type.String(),
      branchName: Type.String(),
      score: Type.Integer(),
      total: Type.Integer(),
      seconds: Type.Integer(),
      me: Type.Boolean(),
    }),
  ),
});
