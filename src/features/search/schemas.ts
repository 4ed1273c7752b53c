import { Type } from '@fastify/type-provider-typebox';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const SearchQuery = Type.Object({
  // No length limit here: a long query is cut (MAX_QUERY_CHARS) and the response says so.
  q: Type.Optional(Type.String()),
  /** One type or several, comma-separated: news,document,meeting,resolution,guide,consultation. */
  type: Type.Optional(
    Type.String({
      pattern:
        '^(news|document|meeting|resolution|guide|consultation)(,(news|document|meeting|resolution|guide|consultation))*$',
    }),
  ),
  level: Type.Optional(
    Type.Union(['central', 'province', 'district', 'grassroots', 'branch'].map((l) => Type.Literal(l))),
  ),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

const Range = Type.Tuple([Type.Integer(), Type.Integer()]);

export const SearchHitSchema = Type.Object({
  type: Type.String(),
  id: Type.String(),
  title: Type.String(),
  snippet: Type.String({
    description: 'Plain text; highlights are [start, end) offsets of matched syllables',
  }),
  highlights: Type.Array(Range),
  titleHighlights: Type.Array(Range),
  score: Type.Number(),
  source: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
  date: Type.String(),
  number: Type.Union([Type.String(), Type.Null()]),
  level: Type.Union([Type.String(), Type.Null()]),
});

export const SearchResponse = Type.Object({
  query: Type.String({ description: 'The query as searched (cut when too long)' }),
  truncated: Type.Boolean(),
  notice: Type.Union([Type.String(), Type.Null()], {
    description: 'Vietnamese message when the query was cut',
  }),
  hits: Type.Array(SearchHitSchema),
});
