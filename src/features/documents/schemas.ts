import { Type } from '@fastify/type-provider-typebox';
import { DOCUMENT_TYPES, ISSUING_LEVELS } from './kinds.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const Kind = Type.Union(DOCUMENT_TYPES.map((k) => Type.Literal(k)));
export const Level = Type.Union(ISSUING_LEVELS.map((k) => Type.Literal(k)));

export const DocumentBody = Type.Object(
  {
    orgId: Type.String({ maxLength: 64 }),
    audienceOrgIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
    kind: Kind,
    number: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    issuedOn: Type.Optional(Nullable(IsoDate)),
    issuer: Type.Optional(Type.String({ maxLength: 300 })),
    level: Type.Optional(Level),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    summary: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    body: Type.Optional(Type.String({ maxLength: 1_000_000 })),
  },
  { additionalProperties: false },
);

export const DocumentFileView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  textStatus: Type.String(),
  textError: Nullable(Type.String()),
  url: Type.String(),
});

export const DocumentSummaryView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  kindName: Type.String(),
  number: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
  issuer: Type.String(),
  level: Type.String(),
  levelName: Type.String(),
  title: Type.String(),
  summary: Nullable(Type.String()),
  year: Type.Integer(),
  bookmarked: Type.Boolean(),
  openedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
});

export const DocumentView = Type.Object({
  ...DocumentSummaryView.properties,
  status: Type.String(),
  orgId: Type.String(),
  sourceName: Nullable(Type.String()),
  audience: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  paragraphs: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
  files: Type.Array(DocumentFileView),
  canManage: Type.Boolean(),
  updatedAt: Type.String(),
});

export const DocumentListQuery = Type.Object({
  kind: Type.Optional(Kind),
  level: Type.Optional(Level),
  year: Type.Optional(Type.Integer({ minimum: 1930, maximum: 2200 })),
  bookmarked: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});
