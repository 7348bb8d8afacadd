import type { App, RouteDeps } from '../../platform/http/app.ts';
import { can } from '../../platform/access/policy.ts';
import { roles } from '../../platform/access/roles.ts';
import { notFound } from '../../platform/errors.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { chosenMunicipality } from '../../platform/http/scope.ts';
import { PeopleListView, PersonView } from './people.views.tsx';
import { pageWithId } from '../../platform/http/schemas.ts';

export async function peopleRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  app.get('/people', async (request, reply) => {
    const ctx = ctxOf(request);
    const actor = services.access.requireActor(ctx);
    const readable = (m: string) => roles.filter((role) => can(actor, 'person.read', [{ municipalityId: m, role }]));
    const m = chosenMunicipality(request, actor, (id) => readable(id).length > 0);
    if (!m) throw notFound();
    const q = request.query as Record<string, string | undefined>;
    const data = await services.people.list(ctx, { municipalityId: m, role: q.role || undefined, page: q.page }, request.locale);
    const municipality = await services.municipalities.get(ctx, m);
    const page = pageContext(request, reply, settings);
    return sendPage(
      reply,
      page,
      page.t('people.title'),
      <PeopleListView
        page={page}
        municipalityId={m}
        municipalityName={municipality.name}
        data={data}
        roles={readable(m)}
        role={q.role ?? ''}
      />,
    );
  });

  app.get('/people/:id', pageWithId, async (request, reply) => {
    const ctx = ctxOf(request);
    const actor = services.access.requireActor(ctx);
    const m = chosenMunicipality(request, actor, () => true);
    if (!m) throw notFound();
    const person = await services.people.get(ctx, m, request.params.id);
    const page = pageContext(request, reply, settings);
    return sendPage(reply, page, person.name, <PersonView page={page} person={person} />);
  });
}
