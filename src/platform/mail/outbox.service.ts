import type { Access } from '../access/access.ts';
import { actorMunicipalityIds, can } from '../access/policy.ts';
import type { Context } from '../audit/audit.service.ts';
import type { OutboxMessage, OutboxRepository } from './outbox.repository.ts';
import { mayReadOutboxMessage } from './outbox-audience.ts';

/** The development outbox: administrators, in demo mode, when mail is not sent by SMTP; each sees only mail they may (outbox-audience.ts). */
export class OutboxService {
  constructor(
    private readonly repo: OutboxRepository,
    private readonly access: Access,
    readonly enabled: boolean,
  ) {}

  async list(ctx: Context): Promise<OutboxMessage[]> {
    const actor = this.access.requireActor(ctx);
    const scope = [null, ...actorMunicipalityIds(actor)].find((m) => can(actor, 'outbox.read', [{ municipalityId: m }])) ?? null;
    await this.access.requireAction(ctx, 'outbox.read', { type: 'outbox', municipalityId: scope });
    if (!this.enabled) return [];
    // The same rule as mayReadOutboxMessage, as a query.
    const all = actor.memberships.some((m) => m.role === 'system_admin');
    const mine = actor.memberships.flatMap((m) => (m.role === 'municipality_admin' && m.municipalityId ? [m.municipalityId] : []));
    const rows = await this.repo.list(all ? 'all' : mine);
    return rows.filter((r) => mayReadOutboxMessage(actor.memberships, r));
  }
}
