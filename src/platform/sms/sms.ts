import type { Membership } from '../access/policy.ts';
import type { Clock } from '../clock.ts';
import { outboxAudience } from '../mail/outbox-audience.ts';
import type { OutboxRepository } from '../mail/outbox.repository.ts';

export interface TextMessage {
  /** E.164 (platform/sms/phone.ts). */
  to: string;
  text: string;
  /** The same for every try of one message, so the gateway can drop a repeat. */
  reference: string;
  /** Whose number it is (for the development outbox's audience). */
  userId: string;
}

export interface SmsSender {
  send(message: TextMessage): Promise<void>;
}

export class SmsGatewayError extends Error {}

/**
 * A common SMS gateway HTTP API (SMS_GATEWAY_URL): a JSON POST `{ from, to, text, reference }` with
 * `Authorization: Bearer SMS_GATEWAY_TOKEN` and the reference as `Idempotency-Key`. Any 2xx is
 * taken; anything else, a network error or no answer within the timeout throws.
 */
export class HttpSmsGateway implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly sender: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send({ to, text, reference }: TextMessage): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json', 'idempotency-key': reference },
        body: JSON.stringify({ from: this.sender, to, text, reference }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new SmsGatewayError(`SMS gateway not reached: ${(err as Error).name}`);
    }
    await res.body?.cancel();
    if (!res.ok) throw new SmsGatewayError(`SMS gateway answered ${res.status}`);
  }
}

/** Without a gateway: text messages land in the development outbox, like mail without SMTP_URL. */
export class OutboxSms implements SmsSender {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    private readonly membershipsOf: (userId: string) => Promise<Membership[]>,
  ) {}

  async send({ to, text, userId }: TextMessage): Promise<void> {
    const audience = outboxAudience(await this.membershipsOf(userId));
    await this.outbox.insert({ to, subject: 'SMS', text, ...audience, at: this.clock.now() });
  }
}
