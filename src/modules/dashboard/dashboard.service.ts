import type { Access } from '../../platform/access/access.ts';
import type { Context } from '../../platform/audit/audit.service.ts';
import type { Municipality } from '../municipalities/municipalities.repository.ts';
import { teamRoles, type Role } from '../../platform/access/roles.ts';
import { notFound } from '../../platform/errors.ts';
import type { DashboardRepository, TeamFigures } from './dashboard.repository.ts';

export interface TeamDashboard {
  municipality: Municipality;
  youth: number;
  activeCompanies: number;
  team: { role: Role; count: number }[];
  publishedOpenings: number;
  seats: number;
  capacityReached: boolean;
  /** Exits to job or education, and still there 6 months after (#16). */
  exits: TeamFigures['exits'];
}

/** The team's numbers against the model's targets: 45 young people, at least 60 companies. */
export class DashboardService {
  constructor(
    private readonly access: Access,
    private readonly repo: DashboardRepository,
  ) {}

  async team(ctx: Context, municipalityId: string): Promise<TeamDashboard> {
    await this.access.require(ctx, 'dashboard.team', [{ type: 'municipality', id: municipalityId, municipalityId }]);
    const figures = await this.repo.teamFigures(municipalityId);
    if (!figures) throw notFound();
    const { municipality, roles, companyStatuses } = figures;
    const youth = figures.youthActive;
    return {
      municipality,
      youth,
      activeCompanies: Number(companyStatuses.active ?? 0),
      team: teamRoles.map((role) => ({ role, count: Number(roles[role] ?? 0) })).filter((t) => t.count > 0),
      capacityReached: youth >= municipality.youthCapacity,
      publishedOpenings: figures.publishedOpenings,
      seats: figures.seats,
      exits: figures.exits,
    };
  }
}
