import { Type } from '@fastify/type-provider-typebox';
import { Id } from '../orgs/schemas.ts';
import { LINK_TYPES } from './content.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const LinkType = Type.Union(LINK_TYPES.map((t) => Type.Literal(t)));

export const NoteLinkSchema = Type.Object(
  {
    type: LinkType,
    id: Id,
    paragraph: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    label: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);

// Lengths are checked generously here and exactly in content.ts, which answers NOTE_TOO_LARGE.
export const NoteBody = Type.Object(
  {
    title: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    html: Type.Optional(Nullable(Type.String({ maxLength: 1_000_000 }))),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 200 })),
    link: Type.Optional(Type.Union([NoteLinkSchema, Type.Null()])),
    quote: Type.Optional(Nullable(Type.String({ maxLength: 100_000 }))),
  },
  { additionalProperties: false },
);

export const HighlightBody = Type.Object(
  {
    type: Type.Optional(LinkType),
    id: Id,
    paragraph: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    label: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    quote: Type.String({ minLength: 1, maxLength: 100_000 }),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 1_000_000 }))),
    tags: Type.Optional(Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 200 })),
  },
  { additionalProperties: false },
);

const LinkView = Type.Union([
  Type.Object({
    type: Type.String(),
    id: Type.String(),
    paragraph: Nullable(Type.String()),
    label: Nullable(Type.String()),
  }),
  Type.Null(),
]);

export const NoteView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  html: Type.String(),
  tags: Type.Array(Type.String()),
  link: LinkView,
  quote: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const NoteSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  excerpt: Type.String(),
  tags: Type.Array(Type.String()),
  link: LinkView,
  quote: Nullable(Type.String()),
  updatedAt: Type.String(),
});
