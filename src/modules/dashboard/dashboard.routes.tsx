import type { App, RouteDeps } from '../../platform/http/app.ts';
import { actorMunicipalityIds, can } from '../../platform/access/policy.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { chosenMunicipality } from '../../platform/http/scope.ts';
import { PersonalDashboardView, TeamDashboardView } from './dashboard.views.tsx';
import { modelRules } from '../municipalities/model-rules.ts';
import { EducationHome } from '../home/education.views.tsx';

export async function dashboardRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  app.get('/dashboard', async (request, reply) => {
    const ctx = ctxOf(request);
    const actor = services.access.requireActor(ctx);
    const isTeam = (id: string) => can(actor, 'dashboard.team', [{ municipalityId: id }]);
    const municipalityId = chosenMunicipality(request, actor, isTeam);
    if (municipalityId && (isTeam(municipalityId) || (request.query as Record<string, unknown>).m)) {
      const data = await services.dashboard.team(ctx, municipalityId);
      const starts = can(actor, 'internship.read_concerns', [{ municipalityId }])
        ? await services.internshipOverview.glance(ctx, municipalityId)
        : null;
      const needs = await services.home.team(ctx, municipalityId, starts?.clocks ?? null);
      const gettingStarted = await services.gettingStarted.steps(ctx, municipalityId, modelRules(data.municipality));
      const page = pageContext(request, reply, settings);
      // Only someone on several teams needs the list of municipalities to switch between.
      const several = actorMunicipalityIds(actor).filter(isTeam).length > 1;
      const choices = several ? (await services.municipalities.listMine(ctx)).filter((m) => isTeam(m.id)) : [];
      return sendPage(
        reply,
        page,
        page.t('dashboard.title'),
        <TeamDashboardView page={page} data={data} choices={choices} starts={starts} needs={needs} gettingStarted={gettingStarted} />,
      );
    }
    const roles = new Set(actor.memberships.map((m) => m.role));
    const [mine, youthHome, people, companyHome, casework] = await Promise.all([
      services.municipalities.listMine(ctx),
      roles.has('youth') ? services.home.youth(ctx).then((h) => h.items) : null,
      roles.has('youth') ? services.youthPeople.mine(ctx) : null,
      roles.has('company_contact') ? services.home.company(ctx) : null,
      roles.has('caseworker') ? services.home.caseworker(ctx) : null,
    ]);
    const education = roles.has('education_contact')
      ? await Promise.all([services.partners.list(ctx), services.passports.sharedWithMe(ctx), services.partners.pendingHandovers(ctx)])
      : null;
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('dashboard.title'),
      <PersonalDashboardView
        page={page}
        memberships={actor.memberships}
        municipalityNames={new Map(mine.map((m) => [m.id, m.name]))}
        needs={youthHome ?? companyHome}
        people={people}
        casework={casework}
        education={education && <EducationHome page={page} partnerships={education[0]} shared={education[1]} handovers={education[2]} />}
      />,
    );
  });
}
