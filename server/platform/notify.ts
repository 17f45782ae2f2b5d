// The notification adapter: one call tells a person something in every channel they have. Volunteers get an
// in-app notification (shown in the H5); anyone with a phone gets a text through the SMS adapter (outbox). Both
// are written in the caller's transaction, so a rolled-back change notifies nobody.
import type { DbOrTx } from '../db/client';
import { notifications } from '../db/schema/attendance';
import type { SmsSender } from './sms';

export type Notice = {
  /** In-app notification for this volunteer, if given. */
  volunteerId?: string | null;
  /** Text message to this phone, if given. */
  phone?: string | null;
  /** What it is for: 'signup:promoted', 'reminder:day_before', 'hours:rejected', … */
  purpose: string;
  title: string;
  text: string;
  /** Path in the H5 the in-app notification opens (/m/...). */
  link?: string;
  /** The unit it concerns, so staff of that unit can read the SMS in the outbox. */
  unitCode?: string;
};

export interface Notifier {
  notify(db: DbOrTx, notice: Notice): Promise<void>;
}

export function notifier(sms: SmsSender): Notifier {
  return {
    async notify(db, n) {
      if (n.volunteerId) {
        await db.insert(notifications).values({ volunteerId: n.volunteerId, purpose: n.purpose, title: n.title, body: n.text, link: n.link ?? '' });
      }
      if (n.phone) await sms.send(db, { phone: n.phone, purpose: n.purpose, text: `【文明实践云】${n.text}`, unitCode: n.unitCode });
    },
  };
}
