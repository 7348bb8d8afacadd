import type { Access } from '../../platform/access/access.ts';
import type { Context } from '../../platform/audit/audit.service.ts';
import { notFound } from '../../platform/errors.ts';
import type { MyPeopleRepository, ShownPerson } from './my-people.repository.ts';

export type PersonRole = 'counsellor' | 'consultant' | 'supervisor';

/** One of the young person's people: who they are to them, and how to reach them (as they chose). */
export interface MyPerson extends ShownPerson {
  roles: PersonRole[];
  /** For the supervisor: the company they are the supervisor at. */
  companyName: string | null;
}

/**
 * "Mine folk": the young person's own people — the counsellor of their network group, the network
 * consultant of their open (else most recent) internship, and the supervisor of their open
 * internship — each with the contact details that person has chosen to show. Always the signed-in
 * young person's own: the method takes no id, so no one reaches another young person's people.
 */
export class YouthPeopleService {
  constructor(
    private readonly repo: MyPeopleRepository,
    private readonly access: Access,
  ) {}

  async mine(ctx: Context): Promise<MyPerson[]> {
    const actor = this.access.requireActor(ctx);
    const y = await this.repo.youthOf(actor.userId);
    await this.access.requireOne(ctx, 'youth.people', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
      subjectUserId: actor.userId,
    });
    if (!y) throw notFound();
    const [counsellor, internship] = await Promise.all([this.repo.counsellor(y.id), this.repo.internshipPeople(y.id)]);
    const found: [ShownPerson | null | undefined, PersonRole, string | null][] = [
      [counsellor, 'counsellor', null],
      [internship?.consultant, 'consultant', null],
      [internship?.open ? internship.supervisor : null, 'supervisor', internship?.companyName ?? null],
    ];
    // One person in two roles (a consultant who also runs the group) is listed once.
    const people = new Map<string, MyPerson>();
    for (const [p, role, companyName] of found) {
      if (!p) continue;
      const known = people.get(p.userId);
      if (known) {
        known.roles.push(role);
        known.companyName ??= companyName;
      } else people.set(p.userId, { ...p, roles: [role], companyName });
    }
    return [...people.values()];
  }
}
