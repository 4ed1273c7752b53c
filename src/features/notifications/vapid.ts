import type { DbOrTx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/database.ts';
import { generateVapidKeys, type VapidKeys } from './providers/push.ts';

/**
 * The server's VAPID key pair, generated on first use and kept in the database so every process of a
 * scale-out deployment signs with the same key (browsers' subscriptions are bound to the public key).
 */
export async function vapidKeys(db: DbOrTx): Promise<VapidKeys> {
  const read = () =>
    db.selectFrom('notification_keys').select('value').where('name', '=', 'vapid').executeTakeFirst();
  let row = await read();
  if (!row) {
    const fresh = generateVapidKeys();
    // Two processes may race here; the first insert wins and both read it back.
    await db
      .insertInto('notification_keys')
      .values({ name: 'vapid', value: JSON.stringify(fresh), created_at: nowIso() })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    row = await read();
  }
  return JSON.parse(row!.value) as VapidKeys;
}
