import { Type } from '@fastify/type-provider-typebox';

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const IdParams = Type.Object({ id: Id });
export const Name = Type.String({ minLength: 1, maxLength: 200 });

export const OrgSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.String(),
  typeName: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  path: Type.String(),
  status: Type.String(),
  memberCount: Type.Integer(),
  childCount: Type.Integer(),
});

export const OrgDetail = Type.Intersect([
  OrgSummary,
  Type.Object({ ancestors: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
]);

export const CreateOrgBody = Type.Object(
  { parentId: Id, name: Name, type: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
export const RenameOrgBody = Type.Object({ name: Name }, { additionalProperties: false });
export const MoveOrgBody = Type.Object({ newParentId: Id }, { additionalProperties: false });
export const OrgType = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  rank: Type.Integer(),
  holdsMembers: Type.Boolean(),
  parentTypes: Type.Array(Type.String()),
});
export const CreateOrgTypeBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$' }),
    nameVi: Name,
    nameEn: Name,
    rank: Type.Integer({ minimum: 0, maximum: 1000 }),
    holdsMembers: Type.Boolean(),
    parentTypes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
