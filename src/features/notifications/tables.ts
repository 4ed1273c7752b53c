export interface NotificationTable {
  id: string;
  account_id: string;
  kind: string;
  topic: string;
  /** `<topic>:<event id>`: with account_id unique, so a re-run fan-out never notifies twice. */
  event_key: string;
  title: string;
  body: string;
  url: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPrefsTable {
  account_id: string;
  /** JSON NotificationPrefs (see prefs.ts). */
  data: string;
  digest_enabled: number;
  digest_hour: number;
  last_digest_at: string | null;
  updated_at: string;
}

export interface PushSubscriptionTable {
  id: string;
  account_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: string;
}

export interface NotificationKeyTable {
  name: string;
  value: string;
  created_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    notifications: NotificationTable;
    notification_prefs: NotificationPrefsTable;
    push_subscriptions: PushSubscriptionTable;
    notification_keys: NotificationKeyTable;
  }
}
