import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Membership } from '../access/policy.ts';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { outboxMessages } from './mail.schema.ts';
import { outboxAudience } from './outbox-audience.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** `<id@host>`: the same for a resend of the same email, so the recipient's mail client can drop the copy. */
  messageId?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** Sends over SMTP (SMTP_URL). */
export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.#transport = nodemailer.createTransport(url);
  }
  async send(mail: Mail): Promise<void> {
    await this.#transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
  }
  close(): void {
    this.#transport.close();
  }
}

/**
 * Without SMTP_URL: mail lands in the development outbox, shown to administrators in demo mode.
 * Each message keeps who may read it, from the memberships of its recipient's address (held, or
 * granted by a pending invitation) at the time it is sent.
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly membershipsOfAddress: (email: string) => Promise<Membership[]>,
  ) {}
  /** The outbox keeps no Message-ID: a resend shows as a second message. */
  async send({ to, subject, text }: Mail): Promise<void> {
    const audience = outboxAudience(await this.membershipsOfAddress(to));
    await this.db.insert(outboxMessages).values({ to, subject, text, ...audience, at: this.clock.now() });
  }
  close(): void {}
}

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/**
 * The newest messages someone may read: all (`'all'`, the system administrator), or those to
 * unprivileged people of the given municipalities.
 */
export async function listOutbox(db: Db, readable: 'all' | string[], limit = 50): Promise<OutboxMessage[]> {
  if (readable !== 'all' && !readable.length) return [];
  const where: SQL | undefined =
    readable === 'all' ? undefined : and(eq(outboxMessages.privileged, false), inArray(outboxMessages.municipalityId, readable));
  return db.select().from(outboxMessages).where(where).orderBy(desc(outboxMessages.at)).limit(limit);
}
