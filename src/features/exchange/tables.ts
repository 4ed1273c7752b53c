export interface ExchangeMessageTable {
  id: string;
  /** 'down': a committee to members or lower organisations; 'up': a member to their committee. */
  direction: 'down' | 'up';
  title: string;
  body: string;
  /** Optional library document the message carries. */
  document_id: string | null;
  sender_org_id: string | null;
  sender_org_path: string;
  sender_account_id: string;
  sender_member_id: string | null;
  sender_name: string;
  ack_deadline: string | null;
  created_at: string;
}

export interface ExchangeRecipientTable {
  id: string;
  message_id: string;
  member_id: string | null;
  org_id: string | null;
  org_path: string;
  name: string;
  received_at: string;
  opened_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  reminded_at: string | null;
  reminders: number;
}

export interface ExchangeFileTable {
  id: string;
  message_id: string;
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  created_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    exchange_messages: ExchangeMessageTable;
    exchange_recipients: ExchangeRecipientTable;
    exchange_files: ExchangeFileTable;
  }
}
