import type { App, RouteDeps } from '../../platform/http/app.ts';
import { pageContext, sendPage } from '../../platform/http/render.tsx';
import { ctxOf } from '../../platform/http/request.ts';
import { overviewCsv } from './united.csv.ts';
import { ProgrammeOverviewView } from './united.views.tsx';

/** The programme overview page (#16) and its CSV download. `?m=` picks the municipality of a leader on several. */
export async function unitedRoutes(app: App, { services, settings }: RouteDeps): Promise<void> {
  const chosen = (query: unknown) => {
    const m = (query as Record<string, unknown> | undefined)?.m;
    return typeof m === 'string' && m ? m : undefined;
  };

  app.get('/programme', async (request, reply) => {
    const m = chosen(request.query);
    const o = await services.united.overview(ctxOf(request), m);
    const page = pageContext(request, reply, settings);
    const csvHref = `/programme.csv${m ? `?m=${encodeURIComponent(m)}` : ''}`;
    return sendPage(reply, page, page.t('united.title'), <ProgrammeOverviewView page={page} o={o} csvHref={csvHref} />);
  });

  app.get('/programme.csv', async (request, reply) => {
    const o = await services.united.overview(ctxOf(request), chosen(request.query));
    const page = pageContext(request, reply, settings);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="nextwork-${o.asOf}.csv"`)
      .header('cache-control', 'no-store')
      .send(overviewCsv(o, page.t, page.locale));
  });
}
