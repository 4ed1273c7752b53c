// Shapes of the JSON the server answers with (see the OpenAPI document at /api/docs).

export type Role = 'admin' | 'office' | 'secretary' | 'deputy_secretary' | 'committee_member' | 'member';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface Account {
  id: string;
  login: string;
  mustChangePassword: boolean;
}

export interface ServerPreferences {
  locale?: string;
  textScale?: number;
  highContrast?: boolean;
}

export interface MemberProfile {
  id: string;
  fullName: string;
  orgId: string;
  orgName: string;
  kind: string;
  status: string;
  position?: string | null;
  gender?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  cardNumber?: string | null;
  admittedOn?: string | null;
  fullMemberOn?: string | null;
}

export interface RoleGrant {
  role: Role;
  orgId: string;
  orgName: string;
  orgPath: string;
}

export interface Me {
  account: Account & { preferences?: ServerPreferences | null };
  member: MemberProfile | null;
  roles: RoleGrant[];
  permissions: string[];
}

export interface OrgSummary {
  id: string;
  name: string;
  type: string;
  typeName: string;
  parentId: string | null;
  path: string;
  status: string;
  memberCount: number;
  childCount: number;
}

export interface Org extends OrgSummary {
  ancestors: { id: string; name: string }[];
}

export interface MemberRow {
  id: string;
  fullName: string;
  gender?: string | null;
  birthDate?: string | null;
  phone?: string | null;
  cardNumber?: string | null;
  kind: string;
  status: string;
  position?: string | null;
  orgId: string;
  orgName: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface ImportProblem {
  row: number;
  column?: string | null;
  message: string;
}
