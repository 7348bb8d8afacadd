import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Action, type Actor, type Target, can, programmeActions } from '../../src/platform/access/policy.ts';
import { type Role, crossMunicipalRoles, roles } from '../../src/platform/access/roles.ts';

/**
 * The whole permission policy as a table, compared with the reviewed copy in
 * test/fixtures/policy-table.md like a snapshot. After a deliberate change to the policy, rewrite it
 * with `UPDATE_POLICY_TABLE=1 npx vitest run --project unit test/unit/policy-table.test.ts` and
 * review the diff as you would the code.
 */
const file = path.resolve(import.meta.dirname, '../fixtures/policy-table.md');

// Every action, in the policy's order. A Record, so an action added to the policy and not here
// fails the type check.
const actions = Object.keys({
  'youth.refer': 1,
  'youth.read': 1,
  'youth.update_status': 1,
  'youth.read_shared': 1,
  'youth.edit_profile': 1,
  'youth.people': 1,
  'youth.casework': 1,
  'youth.link_caseworker': 1,
  'company.read': 1,
  'company.read_internal': 1,
  'company.create': 1,
  'company.update': 1,
  'company.crm': 1,
  'opening.update': 1,
  'opening.read_unpublished': 1,
  'network_meeting.manage': 1,
  'network_meeting.answer': 1,
  'company.national': 1,
  'internship.read': 1,
  'internship.manage': 1,
  'internship.feedback': 1,
  'internship.read_concerns': 1,
  'internship.extend': 1,
  'internship.checkin': 1,
  'internship.confirm': 1,
  'internship.national': 1,
  'internship.meeting': 1,
  'internship.day_one': 1,
  'internship.jobcentre': 1,
  'match.wish': 1,
  'group.read': 1,
  'group.manage': 1,
  'group.checkin': 1,
  'group.post': 1,
  'group.moderate': 1,
  'group.session': 1,
  'note.read': 1,
  'note.write': 1,
  'note.psychologist': 1,
  'note.own': 1,
  'note.private': 1,
  'movement.read': 1,
  'movement.score': 1,
  'movement.own': 1,
  'report.read': 1,
  'report.write': 1,
  'report.own': 1,
  'report.receive': 1,
  'trial.design': 1,
  'trial.assign': 1,
  'trial.outcomes': 1,
  'trial.research': 1,
  'time.log': 1,
  'match.answer': 1,
  'offer.make': 1,
  'offer.answer': 1,
  'match.read': 1,
  'match.run': 1,
  'municipality.create': 1,
  'municipality.read': 1,
  'municipality.configure': 1,
  'person.read': 1,
  'person.invite': 1,
  'audit.read': 1,
  'outbox.read': 1,
  'dashboard.team': 1,
  'programme.overview': 1,
  'message.read': 1,
  'message.write': 1,
  'library.read': 1,
  'library.publish': 1,
  'library.curate': 1,
  'passport.own': 1,
  'passport.read': 1,
  'passport.edit': 1,
  'partnership.read': 1,
  'partnership.manage': 1,
  'partnership.handover': 1,
  'data.export': 1,
  'data.erase': 1,
} satisfies Record<Action, 1>) as Action[];

const HOME = 'home-municipality';
const ME = 'me';
const isCross = (role: Role) => (crossMunicipalRoles as readonly Role[]).includes(role);

/** One actor per role: a member of HOME (or of no municipality for the cross-municipal roles). */
const actorFor = (role: Role): Actor => ({
  userId: ME,
  name: role,
  email: `${role}@example.org`,
  memberships: [{ role, municipalityId: isCross(role) ? null : HOME }],
  companyIds: ['my-company'],
});

/** The actor's own record: their youth record, their company, their group (they are its counsellor). */
const own = {
  ownerUserId: ME,
  companyId: 'my-company',
  counsellorUserId: ME,
  caseworkerUserId: ME,
  consentedUserIds: [ME],
  institutionContactUserIds: [ME],
};
/** Someone else's record: another young person, another company, a group with another counsellor. */
const others = {
  ownerUserId: 'someone-else',
  companyId: 'another-company',
  counsellorUserId: 'someone-else',
  caseworkerUserId: 'someone-else',
  consentedUserIds: ['someone-else'],
  institutionContactUserIds: ['someone-else'],
};

const places: { title: string; municipalityId: string | null }[] = [
  { title: "A record in the actor's municipality", municipalityId: HOME },
  { title: 'A record in another municipality', municipalityId: 'another-municipality' },
  { title: 'A record of no municipality (a new municipality, a cross-municipal person)', municipalityId: null },
];

/** ✓ for any record, "own" for the actor's own record only, · for none. */
function cell(actor: Actor, action: Action, target: Target): string {
  const mine = can(actor, action, [{ ...target, ...own }]);
  const theirs = can(actor, action, [{ ...target, ...others }]);
  return mine && theirs ? '✓' : mine ? 'own' : theirs ? 'others' : '·';
}

/** Rows: each action; person.read and person.invite once per role of the person read or invited. */
type Row = { label: string; action: Action; role?: Role };
const rows = actions.flatMap((action): Row[] =>
  action === 'person.read' || action === 'person.invite'
    ? roles.map((role) => ({ label: `${action} → ${role}`, action, role }))
    : [{ label: action, action }],
);

function markdownTable(header: string[], body: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

function policyTable(): string {
  const actors = roles.map(actorFor);
  const out = [
    '# The permission policy as a table',
    '',
    'Generated from `src/platform/access/policy.ts` by `test/unit/policy-table.test.ts`, which fails when the policy',
    'no longer gives this table. After a deliberate change, rewrite it with',
    '`UPDATE_POLICY_TABLE=1 npx vitest run --project unit test/unit/policy-table.test.ts` and review the diff like code.',
    '',
    'Each actor holds one role: in the municipality of the record for municipal roles, in no municipality for',
    `the cross-municipal ones (${crossMunicipalRoles.join(', ')}).`,
    '',
    '- ✓ allowed on any record',
    "- own: allowed only on the actor's own record — their own youth record (young person), their own company",
    '  (company contact), a group they are the counsellor of (youth counsellor), a young person linked to them',
    '  (caseworker), a competence passport whose young person named them as a reader, with consent in force, a',
    '  partnership of the education institution they are a contact of (education contact)',
    '- · denied',
    '',
    '`person.read → R` and `person.invite → R` read or invite a person with role R.',
  ];
  for (const place of places) {
    out.push('', `## ${place.title}`, '');
    out.push(
      ...markdownTable(
        ['action', ...roles],
        rows.map((r) => [
          r.label,
          ...actors.map((a) => cell(a, r.action, { municipalityId: place.municipalityId, ...(r.role ? { role: r.role } : {}) })),
        ]),
      ),
    );
  }
  return out.join('\n') + '\n';
}

describe('the permission policy as a table', () => {
  it('gives the reviewed table (test/fixtures/policy-table.md)', () => {
    const table = policyTable();
    if (process.env.UPDATE_POLICY_TABLE) fs.writeFileSync(file, table);
    expect(table, 'the policy changed: review test/fixtures/policy-table.md (UPDATE_POLICY_TABLE=1 rewrites it)').toBe(
      fs.readFileSync(file, 'utf8'),
    );
  });

  it('lets no municipal role reach another municipality, not even their own record there', () => {
    const away = { municipalityId: 'another-municipality', ...own };
    // Except the programme-wide records (the shared library), which belong to no one municipality.
    for (const role of roles.filter((r) => !isCross(r))) {
      for (const r of rows.filter((row) => !programmeActions.includes(row.action)))
        expect(can(actorFor(role), r.action, [{ ...away, role: r.role }]), `${role} ${r.label}`).toBe(false);
    }
  });

  it('gives the cross-municipal roles the same answer in every municipality', () => {
    for (const role of crossMunicipalRoles) {
      for (const r of rows) {
        const at = (municipalityId: string) => cell(actorFor(role), r.action, { municipalityId, role: r.role });
        expect(at('another-municipality'), `${role} ${r.label}`).toBe(at(HOME));
      }
    }
  });
});
