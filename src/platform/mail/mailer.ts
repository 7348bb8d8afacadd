import { desc } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { outboxMessages } from './mail.schema.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
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
    await this.#transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }
  close(): void {
    this.#transport.close();
  }
}

/** Without SMTP_URL: mail lands in the development outbox, shown to administrators in demo mode. */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}
  async send(mail: Mail): Promise<void> {
    await this.db.insert(outboxMessages).values({ ...mail, at: this.clock.now() });
  }
  close(): void {}
}

export type OutboxMessage = typeof outboxMessages.$inferSelect;

export async function listOutbox(db: Db, limit = 50): Promise<OutboxMessage[]> {
  return db.select().from(outboxMessages).orderBy(desc(outboxMessages.at)).limit(limit);
}
