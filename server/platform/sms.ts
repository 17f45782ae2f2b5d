// Text messages go through this adapter. The built-in one records each message in sms_outbox (shown to admins
// as the message outbox) and logs it, so every flow works end to end without a gateway; a real gateway is a
// second implementation of the same interface. Messages are written in the caller's transaction: a rolled-back
// change sends nothing.
import type { FastifyBaseLogger } from 'fastify';
import { maskPhone } from '../../common/mask';
import type { DbOrTx } from '../db/client';
import { smsOutbox } from '../db/schema/volunteers';

export type SmsMessage = {
  phone: string;
  /** What the message is for: 'otp:register', 'otp:sign-in', 'volunteer:approved', … */
  purpose: string;
  text: string;
  /** The unit it concerns, so staff of that unit can read it in the outbox; '' = district-wide. */
  unitCode?: string;
};

export interface SmsSender {
  send(db: DbOrTx, message: SmsMessage): Promise<void>;
}

/** Hides the code in a log line: the outbox table is the place to read it, under access control. */
function redact(text: string): string {
  return text.replace(/\d{4,}/g, (m) => '*'.repeat(m.length));
}

export function outboxSmsSender(log?: Pick<FastifyBaseLogger, 'info'>): SmsSender {
  return {
    async send(db, m) {
      await db.insert(smsOutbox).values({ phone: m.phone, purpose: m.purpose, text: m.text, unitCode: m.unitCode ?? '' });
      log?.info({ sms: { phone: maskPhone(m.phone), purpose: m.purpose, text: redact(m.text) } }, 'sms recorded in outbox');
    },
  };
}
