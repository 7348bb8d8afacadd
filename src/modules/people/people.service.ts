import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import { roles } from '../../platform/access/roles.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import { notFound } from '../../platform/errors.ts';
import { collator, type Locale } from '../../platform/i18n/i18n.ts';
import { parseInput } from '../../platform/validation.ts';
import type { PeopleRepository, PersonRow } from './people.repository.ts';

export const listPeopleInput = z.object({
  municipalityId: z.uuid({ error: 'validation.municipality' }),
  role: z.enum(roles, { error: 'validation.role' }).optional(),
  page: z.coerce.number({ error: 'validation.invalid' }).int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number({ error: 'validation.invalid' }).int().min(1).max(200).default(25),
});

export interface PeoplePage {
  people: PersonRow[];
  total: number;
  page: number;
  pages: number;
}

/** People in a municipality: the team, young people, company contacts. Every read is audited. */
export class PeopleService {
  constructor(
    private readonly repo: PeopleRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: Context, input: unknown, locale: Locale): Promise<PeoplePage> {
    const actor = this.access.requireActor(ctx);
    const q = parseInput(listPeopleInput, input);
    const readable = roles.filter((role) => can(actor, 'person.read', [{ municipalityId: q.municipalityId, role }]));
    const wanted = q.role ? readable.filter((r) => r === q.role) : readable;
    if (!readable.length) {
      await this.access.require(ctx, 'person.read', [{ type: 'municipality', id: q.municipalityId, municipalityId: q.municipalityId }]);
    }
    const all = (await this.repo.listInMunicipality(q.municipalityId, wanted))
      // Only the roles the actor may see about a person are shown.
      .map((p) => ({ ...p, roles: p.roles.filter((r) => readable.includes(r)) }))
      .sort((a, b) => collator(locale).compare(a.name, b.name));
    const pages = Math.max(1, Math.ceil(all.length / q.pageSize));
    const page = Math.min(q.page, pages);
    const people = all.slice((page - 1) * q.pageSize, page * q.pageSize);
    await this.auditReads(ctx, q.municipalityId, people, 'person.list');
    return { people, total: all.length, page, pages };
  }

  async get(ctx: Context, municipalityId: string, personId: string): Promise<PersonRow> {
    const actor = this.access.requireActor(ctx);
    const id = z.uuid().safeParse(personId).success ? personId : undefined;
    const person = id ? await this.repo.findInMunicipality(id, municipalityId) : undefined;
    const visibleRoles = person?.roles.filter((role) => can(actor, 'person.read', [{ municipalityId, role }])) ?? [];
    // Denied and missing look the same; the denial is audited by access.require.
    await this.access.require(ctx, 'person.read', [
      { type: 'user', id: personId, municipalityId, role: visibleRoles[0] ?? person?.roles[0], subjectUserId: id ?? null },
    ]);
    if (!person) throw notFound();
    await this.auditReads(ctx, municipalityId, [person], 'person.read');
    return { ...person, roles: visibleRoles };
  }

  private async auditReads(ctx: Context, municipalityId: string, people: PersonRow[], action: string): Promise<void> {
    const actorRole = ctx.actor?.memberships.find((m) => m.municipalityId === municipalityId)?.role ?? null;
    await this.audit.record(
      ctx,
      people.map((p) => ({ action, actorRole, municipalityId, targetType: 'user', targetId: p.id, subjectUserId: p.id })),
    );
  }
}
