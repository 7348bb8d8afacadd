import type { Access } from '../../platform/access/access.ts';
import { grantingMembership } from '../../platform/access/policy.ts';
import type { Context } from '../../platform/audit/audit.service.ts';
import type { StartCounts, GettingStartedRepository } from './getting-started.repository.ts';

/** The rules the list measures against: the municipality's own targets (model-rules.ts). */
export interface StartTargets {
  companyTarget: number;
  youthCapacity: number;
  groupSizeMin: number;
}

export type StartStepKey = 'team' | 'companies' | 'youth' | 'match_event' | 'group';

/** One step of getting a new municipality's network going, ticked from the data. */
export interface StartStep {
  key: StartStepKey;
  done: boolean;
  href: string;
  /** Progress for the text: how many of how many. */
  params: Record<string, number>;
}

/**
 * The getting-started list a new municipality's team leader finds on the home page (#16): invite
 * the team, register companies towards the target, refer young people (enough for the first
 * group), plan the first match event, create the first network group. Pure: the counts decide.
 */
export function startSteps(c: StartCounts, targets: StartTargets, municipalityId: string): StartStep[] {
  const q = `?m=${municipalityId}`;
  const roles = [c.consultants, c.counsellors, c.entrepreneurs].filter((n) => n > 0).length;
  return [
    { key: 'team', done: roles === 3, href: `/invitations/new${q}`, params: { n: roles, of: 3 } },
    {
      key: 'companies',
      done: c.companies >= targets.companyTarget,
      href: `/companies${q}`,
      params: { n: c.companies, of: targets.companyTarget },
    },
    {
      key: 'youth',
      done: c.youth >= targets.groupSizeMin,
      href: `/youth${q}`,
      params: { n: c.youth, of: targets.youthCapacity, first: targets.groupSizeMin },
    },
    { key: 'match_event', done: c.matchEvents > 0, href: `/matching/events/new${q}`, params: {} },
    { key: 'group', done: c.groups > 0, href: `/groups${q}`, params: {} },
  ];
}

/** The list for the municipality's leaders while any step is left; undefined once all are done, or for other roles. */
export class GettingStartedService {
  constructor(
    private readonly repo: GettingStartedRepository,
    private readonly access: Access,
  ) {}

  async steps(ctx: Context, municipalityId: string, targets: StartTargets): Promise<StartStep[] | undefined> {
    // Only the municipality's own leaders (not a system administrator looking in); no denial to audit for the rest.
    const grant = grantingMembership(this.access.requireActor(ctx), 'municipality.configure', { municipalityId });
    if (grant?.municipalityId !== municipalityId) return undefined;
    const steps = startSteps(await this.repo.counts(municipalityId), targets, municipalityId);
    return steps.every((s) => s.done) ? undefined : steps;
  }
}
