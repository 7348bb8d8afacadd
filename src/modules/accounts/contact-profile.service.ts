import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import { notFound } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import { contactProfileInput } from './contact-profile.inputs.ts';
import type { ContactProfile, ContactProfileRepository } from './contact-profile.repository.ts';

/**
 * What a person shows the young people they work with (their counsellor, consultant or supervisor
 * appears under "Mine folk"): a phone number, and whether to show it and the email. One's own only.
 */
export class ContactProfileService {
  constructor(
    private readonly repo: ContactProfileRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
  ) {}

  async mine(ctx: Context): Promise<ContactProfile> {
    const actor = this.access.requireActor(ctx);
    const profile = await this.repo.find(actor.userId);
    if (!profile) throw notFound();
    return profile;
  }

  async save(ctx: Context, input: unknown): Promise<void> {
    const actor = this.access.requireActor(ctx);
    const values = parseInput(contactProfileInput, input);
    await this.audit.atomically(async () => {
      await this.repo.save(actor.userId, values);
      await this.audit.record(ctx, {
        action: 'account.contact_profile',
        targetType: 'user',
        targetId: actor.userId,
        subjectUserId: actor.userId,
        details: { showPhone: values.showPhone, showEmail: values.showEmail },
      });
    });
  }
}
