import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type Membership,
  actorMunicipalityIds,
  can,
  grantingMembership,
  invitableRoles,
  isCrossMunicipal,
} from '../../src/platform/access/policy.ts';
import { type Role, municipalRoles } from '../../src/platform/access/roles.ts';

// The whole table is in policy-table.test.ts; these are the rules behind its "own" cells, and the
// helpers around the policy.
const actor = (memberships: Membership[], extra: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  name: 'n',
  email: 'e',
  memberships,
  ...extra,
});
const one = (role: Role, municipalityId: string | null = 'a') => actor([{ role, municipalityId }]);

describe('policy', () => {
  it('a municipal role never reaches another municipality, for any action', () => {
    for (const role of municipalRoles) {
      for (const action of ['municipality.read', 'person.read', 'audit.read', 'dashboard.team', 'outbox.read'] as const) {
        expect(can(one(role), action, [{ municipalityId: 'b', role: 'youth' }])).toBe(false);
      }
    }
  });

  it('set-based: one denied target denies all, and no targets deny nothing', () => {
    const leader = one('team_leader');
    expect(can(leader, 'person.read', [{ municipalityId: 'a', role: 'youth' }])).toBe(true);
    expect(
      can(leader, 'person.read', [
        { municipalityId: 'a', role: 'youth' },
        { municipalityId: 'b', role: 'youth' },
      ]),
    ).toBe(false);
    expect(can(leader, 'person.read', [])).toBe(true);
    expect(can(actor([]), 'municipality.read', [{ municipalityId: 'a' }])).toBe(false);
  });

  it('only the system administrator invites cross-municipal roles, and only without a municipality', () => {
    expect(invitableRoles(one('system_admin', null), null).sort()).toEqual(['programme_lead', 'researcher', 'system_admin']);
    expect(invitableRoles(one('system_admin', null), 'a')).toEqual(['municipality_admin']);
    expect(invitableRoles(one('team_leader'), 'a')).not.toContain('municipality_admin');
    expect(invitableRoles(one('youth'), 'a')).toEqual([]);
  });

  it('lists the roles each role may invite, in the order of the roles', () => {
    expect(invitableRoles(one('municipality_admin'), 'a')).toEqual([...municipalRoles]);
    expect(invitableRoles(one('network_consultant'), 'a')).toEqual(['youth', 'company_contact']);
    expect(invitableRoles(one('youth_counsellor'), 'a')).toEqual(['youth']);
    expect(invitableRoles(one('entrepreneur'), 'a')).toEqual(['company_contact']);
    expect(invitableRoles(one('municipality_admin'), 'b')).toEqual([]);
    expect(invitableRoles(one('municipality_admin'), null)).toEqual([]);
  });
});

describe('relation rules', () => {
  it("a young person reaches their own records only: their user id, not their company's or counsellor's", () => {
    const youth = one('youth');
    expect(can(youth, 'note.own', [{ municipalityId: 'a', ownerUserId: 'u' }])).toBe(true);
    expect(can(youth, 'note.own', [{ municipalityId: 'a', ownerUserId: 'v' }])).toBe(false);
    expect(can(youth, 'note.own', [{ municipalityId: 'a', ownerUserId: null }])).toBe(false);
    expect(can(youth, 'note.own', [{ municipalityId: 'a', counsellorUserId: 'u' }])).toBe(false);
    expect(
      can(actor([{ role: 'youth', municipalityId: 'a' }], { companyIds: ['c'] }), 'internship.read', [
        { municipalityId: 'a', companyId: 'c' },
      ]),
    ).toBe(false);
    // Actions that are not about their own records need no relation.
    expect(can(youth, 'company.read', [{ municipalityId: 'a' }])).toBe(true);
  });

  it("a company contact reaches their own companies only, not a young person's records", () => {
    const contact = actor([{ role: 'company_contact', municipalityId: 'a' }], { companyIds: ['c1', 'c2'] });
    expect(can(contact, 'company.update', [{ municipalityId: 'a', companyId: 'c2' }])).toBe(true);
    expect(can(contact, 'company.update', [{ municipalityId: 'a', companyId: 'c3' }])).toBe(false);
    expect(can(contact, 'company.update', [{ municipalityId: 'a' }])).toBe(false);
    expect(can(contact, 'internship.read', [{ municipalityId: 'a', ownerUserId: 'u' }])).toBe(false);
    expect(can(one('company_contact'), 'company.update', [{ municipalityId: 'a', companyId: 'c1' }])).toBe(false);
    expect(can(contact, 'youth.read_shared', [{ municipalityId: 'a' }])).toBe(true);
  });

  it("only the group's assigned counsellor moderates its space and reads notes meant for them", () => {
    for (const action of ['group.moderate', 'note.private'] as const) {
      expect(can(one('youth_counsellor'), action, [{ municipalityId: 'a', counsellorUserId: 'u' }])).toBe(true);
      expect(can(one('youth_counsellor'), action, [{ municipalityId: 'a', counsellorUserId: 'v' }])).toBe(false);
      expect(can(one('youth_counsellor'), action, [{ municipalityId: 'a', counsellorUserId: null }])).toBe(false);
      expect(can(one('youth_counsellor'), action, [{ municipalityId: 'a', ownerUserId: 'u' }])).toBe(false);
      // The group's counsellor is an assignment any team member can hold (seed 001) ...
      for (const role of ['team_leader', 'network_consultant', 'entrepreneur', 'psychologist'] as const) {
        expect(can(one(role), action, [{ municipalityId: 'a', counsellorUserId: 'u' }]), role).toBe(true);
        expect(can(one(role), action, [{ municipalityId: 'a', counsellorUserId: 'v' }]), role).toBe(false);
        expect(can(one(role), action, [{ municipalityId: 'b', counsellorUserId: 'u' }]), role).toBe(false);
      }
      // ... but not an administrator's, a young person's or a company's, even when named.
      for (const role of ['municipality_admin', 'youth', 'company_contact', 'caseworker'] as const) {
        expect(can(one(role), action, [{ municipalityId: 'a', counsellorUserId: 'u', ownerUserId: 'u' }]), role).toBe(false);
      }
    }
  });

  it('an empty id is no relation', () => {
    const nobody = (role: Role) => actor([{ role, municipalityId: 'a' }], { userId: '', companyIds: [''] });
    expect(can(nobody('youth'), 'note.own', [{ municipalityId: 'a', ownerUserId: '' }])).toBe(false);
    expect(can(nobody('company_contact'), 'company.update', [{ municipalityId: 'a', companyId: '' }])).toBe(false);
    expect(can(nobody('youth_counsellor'), 'note.private', [{ municipalityId: 'a', counsellorUserId: '' }])).toBe(false);
  });
});

describe('more than one membership', () => {
  const both = actor([
    { role: 'youth', municipalityId: 'a' },
    { role: 'youth_counsellor', municipalityId: 'b' },
    { role: 'team_leader', municipalityId: 'b' },
  ]);

  it('grants through the membership that allows it, the first such one', () => {
    expect(grantingMembership(both, 'youth.read', { municipalityId: 'b' })).toEqual({ role: 'youth_counsellor', municipalityId: 'b' });
    expect(grantingMembership(both, 'audit.read', { municipalityId: 'b' })).toEqual({ role: 'team_leader', municipalityId: 'b' });
    expect(grantingMembership(both, 'youth.read', { municipalityId: 'a' })).toBeUndefined();
    expect(grantingMembership(both, 'note.own', { municipalityId: 'a', ownerUserId: 'u' })).toEqual({ role: 'youth', municipalityId: 'a' });
    expect(can(both, 'youth.read', [{ municipalityId: 'a' }, { municipalityId: 'b' }])).toBe(false);
  });

  it('lists the municipalities once each, and knows a cross-municipal actor', () => {
    expect(actorMunicipalityIds(both)).toEqual(['a', 'b']);
    expect(isCrossMunicipal(both)).toBe(false);
    const lead = actor([
      { role: 'programme_lead', municipalityId: null },
      { role: 'caseworker', municipalityId: 'c' },
    ]);
    expect(actorMunicipalityIds(lead)).toEqual(['c']);
    expect(isCrossMunicipal(lead)).toBe(true);
    expect(actorMunicipalityIds(actor([]))).toEqual([]);
  });
});
