import { Type, type Static } from '@fastify/type-provider-typebox';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

const Category = Type.Object({
  code: Type.String({ maxLength: 32 }),
  name: Type.String({ maxLength: 200 }),
  options: Type.Array(
    Type.Object({ code: Type.String({ maxLength: 32 }), name: Type.String({ maxLength: 200 }) }),
    {
      maxItems: 30,
    },
  ),
});

export const DataIndicatorSchema = Type.Object({
  kind: Type.Literal('data'),
  code: Type.String({ maxLength: 64 }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  unit: Type.Optional(Type.String({ maxLength: 40 })),
  valueType: Type.Union(
    ['integer', 'non_negative_integer', 'decimal', 'percentage', 'yes_no', 'text'].map((v) =>
      Type.Literal(v),
    ),
  ),
  aggregation: Type.Union(
    ['sum', 'average_over_time_sum_over_orgs', 'last_value', 'none'].map((v) => Type.Literal(v)),
  ),
  categories: Type.Optional(Type.Array(Category, { maxItems: 3 })),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
});

export const FormulaIndicatorSchema = Type.Object({
  kind: Type.Literal('formula'),
  code: Type.String({ maxLength: 64 }),
  name: Type.String({ minLength: 1, maxLength: 300 }),
  unit: Type.Optional(Type.String({ maxLength: 40 })),
  numerator: Type.String({ maxLength: 500 }),
  denominator: Type.String({ maxLength: 500 }),
  factor: Type.Number(),
  decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
});

export const IndicatorSchema = Type.Union([DataIndicatorSchema, FormulaIndicatorSchema]);

export const IndicatorBody = Type.Object({
  orgId: Type.String({ maxLength: 64 }),
  indicator: IndicatorSchema,
});

const TemplateItem = Type.Union([
  Type.Object({
    kind: Type.Literal('indicator'),
    indicator: Type.String({ maxLength: 64 }),
    required: Type.Boolean(),
    prefill: Type.Optional(Type.String({ maxLength: 64 })),
  }),
  Type.Object({
    kind: Type.Literal('text'),
    code: Type.String({ maxLength: 64 }),
    label: Type.String({ maxLength: 300 }),
    required: Type.Boolean(),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
  }),
  Type.Object({
    kind: Type.Literal('attachment'),
    code: Type.String({ maxLength: 64 }),
    label: Type.String({ maxLength: 300 }),
    required: Type.Boolean(),
    maxFiles: Type.Integer({ minimum: 1, maximum: 20 }),
    accept: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20 })),
  }),
]);

export const PeriodTypeSchema = Type.Union(
  ['monthly', 'quarterly', 'half_yearly', 'yearly'].map((v) => Type.Literal(v)),
);

const Rule = Type.Object({
  code: Type.String({ maxLength: 64 }),
  name: Type.String({ maxLength: 300 }),
  expression: Type.String({ maxLength: 500 }),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  instruction: Type.Optional(Type.String({ maxLength: 500 })),
  missingValues: Type.Optional(
    Type.Union(['skip_if_any_missing', 'skip_if_all_missing', 'never_skip'].map((v) => Type.Literal(v))),
  ),
});

export const TemplateFields = {
  name: Type.String({ minLength: 1, maxLength: 300 }),
  periodType: PeriodTypeSchema,
  sections: Type.Array(
    Type.Object({
      code: Type.String({ maxLength: 64 }),
      title: Type.String({ maxLength: 300 }),
      items: Type.Array(TemplateItem, { maxItems: 200 }),
    }),
    { maxItems: 50 },
  ),
  rules: Type.Optional(Type.Array(Rule, { maxItems: 200 })),
};

export const TemplateBody = Type.Object({
  orgId: Type.String({ maxLength: 64 }),
  code: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]{0,63}$' }),
  ...TemplateFields,
});
export const TemplateRevision = Type.Object(TemplateFields);

export const AssignmentBody = Type.Object({
  committeeId: Type.String({ maxLength: 64 }),
  templateCode: Type.String({ maxLength: 64 }),
  target: Type.Union([
    Type.Object({
      kind: Type.Literal('org_types'),
      orgTypes: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 20 }),
    }),
    Type.Object({
      kind: Type.Literal('orgs'),
      orgIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 5000 }),
    }),
  ]),
  periodType: PeriodTypeSchema,
  deadlineDays: Type.Integer({ minimum: 0, maximum: 365 }),
  lockAfterDays: Type.Integer({ minimum: 0, maximum: 3650 }),
  activeFrom: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  activeTo: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()])),
});

export const PeriodQuery = Type.Object({
  period: Type.String({ maxLength: 10 }),
  template: Type.Optional(Type.String({ maxLength: 64 })),
});

export const OpenBody = Type.Object({
  orgId: Type.String({ maxLength: 64 }),
  templateCode: Type.String({ maxLength: 64 }),
  period: Type.String({ maxLength: 10 }),
});

const Raw = Type.Union([Type.String({ maxLength: 20000 }), Type.Number(), Type.Boolean(), Type.Null()]);
export const EntryBody = Type.Object({
  values: Type.Optional(Type.Record(Type.String({ maxLength: 200 }), Raw)),
  texts: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 20000 }))),
  warningComments: Type.Optional(
    Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 2000 })),
  ),
});
export type EntryBodyT = Static<typeof EntryBody>;

export const CommentBody = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) });
export const ExceptionBody = Type.Object({
  reason: Type.String({ maxLength: 2000 }),
  until: Type.String({ maxLength: 40 }),
});

export const TotalsQuery = Type.Object({
  from: Type.String({ maxLength: 10 }),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  by: Type.Optional(Type.Union([Type.Literal('children'), Type.Literal('self')])),
  indicators: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const NarrativeBody = Type.Object({
  orgId: Type.String({ maxLength: 64 }),
  title: Type.String({ minLength: 1, maxLength: 300 }),
  period: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
  body: Type.String({ maxLength: 100000 }),
});
export const NarrativePatch = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  period: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
  body: Type.Optional(Type.String({ maxLength: 100000 })),
});
