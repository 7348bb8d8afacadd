import type { Access } from '../../platform/access/access.ts';
import type { Context } from '../../platform/audit/audit.service.ts';
import type { CompaniesRepository } from '../companies/companies.repository.ts';
import type { Municipality, MunicipalitiesRepository } from '../municipalities/municipalities.repository.ts';
import type { PeopleRepository } from '../people/people.repository.ts';
import { teamRoles, type Role } from '../../platform/access/roles.ts';
import { notFound } from '../../platform/errors.ts';

export interface TeamDashboard {
  municipality: Municipality;
  youth: number;
  activeCompanies: number;
  companiesInNetwork: number;
  team: { role: Role; count: number }[];
  capacityReached: boolean;
}

/** The team's numbers against the model's targets: 45 young people, at least 60 companies. */
export class DashboardService {
  constructor(
    private readonly access: Access,
    private readonly municipalities: MunicipalitiesRepository,
    private readonly people: PeopleRepository,
    private readonly companies: CompaniesRepository,
  ) {}

  async team(ctx: Context, municipalityId: string): Promise<TeamDashboard> {
    await this.access.require(ctx, 'dashboard.team', [{ type: 'municipality', id: municipalityId, municipalityId }]);
    const [municipality, byRole, byStatus] = await Promise.all([
      this.municipalities.find(municipalityId),
      this.people.countByRole(municipalityId),
      this.companies.countByStatus(municipalityId),
    ]);
    if (!municipality) throw notFound();
    const youth = byRole.get('youth') ?? 0;
    return {
      municipality,
      youth,
      activeCompanies: byStatus.get('active') ?? 0,
      companiesInNetwork: [...byStatus.entries()].filter(([s]) => s !== 'left' && s !== 'prospect').reduce((n, [, c]) => n + c, 0),
      team: teamRoles.map((role) => ({ role, count: byRole.get(role) ?? 0 })).filter((t) => t.count > 0),
      capacityReached: youth >= municipality.youthCapacity,
    };
  }
}
