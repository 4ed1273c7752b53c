/**
 * Roles are granted on an organisation and cover its whole subtree. What each role may do is this table;
 * features check permissions, never role names, so a new role is one row here.
 */
export const ROLES = [
  'admin',
  'office',
  'secretary',
  'deputy_secretary',
  'committee_member',
  'member',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read', // see the organisation, its subtree and its members' names and positions
  'org.manage', // create, rename, move, close organisations
  'member.read', // see members' full profiles (birth date, phone, card number)
  'member.manage', // create, edit, transfer, import members
  'account.manage', // create accounts, reset passwords
  'role.grant', // grant and revoke roles
  'audit.read', // read the audit log
  'content.publish', // publish news, bulletins and documents to the subtree
  'content.read', // read content published to the subtree
  'meeting.manage', // prepare and run branch meetings
  'meeting.attend', // take part in meetings of the branch
  'supervise', // supervision views, meeting quality scores
  'report.submit', // enter and submit reports for the organisation
  'report.review', // assign templates, approve and return reports of the subtree
  'petition.send', // send opinions and petitions
  'petition.handle', // acknowledge, forward and answer petitions addressed to the organisation
  'study.assign', // assign study material and run contests
  'quiz.edit', // edit the question bank
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const memberPerms: Permission[] = ['org.read', 'content.read', 'meeting.attend', 'petition.send'];
const committeePerms: Permission[] = [
  ...memberPerms,
  'member.read',
  'content.publish',
  'supervise',
  'report.review',
  'report.submit',
  'petition.handle',
  'study.assign',
  'quiz.edit',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  member: new Set(memberPerms),
  committee_member: new Set([...committeePerms, 'meeting.manage']),
  deputy_secretary: new Set([...committeePerms, 'meeting.manage', 'member.manage', 'account.manage']),
  secretary: new Set([...committeePerms, 'meeting.manage', 'member.manage', 'account.manage']),
  office: new Set([
    ...committeePerms,
    'org.manage',
    'member.manage',
    'account.manage',
    'content.publish',
  ] as Permission[]),
  admin: new Set(PERMISSIONS),
};

export const ROLE_NAMES_VI: Record<Role, string> = {
  admin: 'Quản trị',
  office: 'Văn phòng cấp ủy',
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Cấp ủy viên',
  member: 'Đảng viên',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
