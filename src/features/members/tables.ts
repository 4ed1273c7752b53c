export type MemberKind = 'full' | 'probationary';
export type MemberStatus = 'active' | 'working_away' | 'exempt' | 'temporarily_transferred';
export type Gender = 'male' | 'female' | 'other';

export interface MemberTable {
  id: string;
  org_id: string;
  /** Copy of the branch's path: member queries over a subtree need no join. */
  org_path: string;
  province_id: string;
  full_name: string;
  name_folded: string;
  gender: Gender | null;
  birth_date: string | null;
  phone: string | null;
  card_number: string | null;
  admitted_on: string | null;
  full_member_on: string | null;
  kind: MemberKind;
  status: MemberStatus;
  /** Branch hosting a temporarily transferred member (they vote at home, take part there). */
  host_org_id: string | null;
  position: string | null;
  created_at: string;
  updated_at: string;
  /** Set when personal data was erased after the member left; the row stays for meeting records. */
  erased_at: string | null;
}

export interface MemberTransferTable {
  id: string;
  member_id: string;
  from_org_id: string;
  to_org_id: string;
  kind: 'permanent' | 'temporary' | 'return';
  note: string | null;
  at: string;
  actor_account_id: string | null;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    members: MemberTable;
    member_transfers: MemberTransferTable;
  }
}
