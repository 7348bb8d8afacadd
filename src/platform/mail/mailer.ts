import type { Membership } from '../access/policy.ts';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { OutboxRepository } from './outbox.repository.ts';
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
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    private readonly membershipsOfAddress: (email: string) => Promise<Membership[]>,
  ) {}
  /** The outbox keeps no Message-ID: a resend shows as a second message. */
  async send({ to, subject, text }: Mail): Promise<void> {
    const audience = outboxAudience(await this.membershipsOfAddress(to));
    await this.outbox.insert({ to, subject, text, ...audience, at: this.clock.now() });
  }
  close(): void {}
}
