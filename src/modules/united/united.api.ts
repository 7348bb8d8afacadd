import { z } from 'zod';
import type { App, RouteDeps } from '../../platform/http/app.ts';
import { errors } from '../../platform/http/api-errors.ts';
import { ctxOf } from '../../platform/http/request.ts';
import { exitKinds } from '../youth/youth.values.ts';
import type { ProtectedCell } from './suppression.ts';
import type { MonthlyTable, ProgrammeOverview, SummaryRow } from './united.service.ts';

/** A protected count: the value only when shown; `hidden` says why not ("small": 1–4, "complementary"). */
const cell = z
  .object({ value: z.number().int().nullable(), hidden: z.enum(['small', 'complementary']).nullable() })
  .meta({ id: 'ProtectedCount' });
const summary = z
  .object({
    inNetwork: cell,
    capacity: z.number().int(),
    referred: cell,
    referredTotal: cell,
    referralTarget: z.number().int(),
    activeCompanies: cell,
    companyTarget: z.number().int(),
    started: cell,
    withinRule: z.number().nullable(),
    medianDays: z.number().nullable(),
    attendance: z.number().nullable(),
    extensions: cell,
    rotations: cell,
    followed6: cell,
    retention6: z.number().nullable(),
  })
  .meta({ id: 'ProgrammeSummaryRow' });
const monthly = z
  .object({
    rows: z.array(z.object({ month: z.string(), cells: z.array(cell), total: cell })),
    totals: z.array(cell).nullable(),
    total: cell.nullable(),
  })
  .meta({ id: 'ProgrammeMonthlyTable' });
const overview = z
  .object({
    scope: z.enum(['programme', 'municipality']),
    asOf: z.iso.date(),
    from: z.iso.date(),
    months: z.array(z.string()),
    municipalities: z.array(z.object({ id: z.uuid(), name: z.string() })),
    summary: z.object({ rows: z.array(summary.extend({ municipalityId: z.uuid(), name: z.string() })), total: summary }),
    exitKinds: z.array(z.enum(exitKinds)),
    exits: z.object({ rows: z.array(z.object({ cells: z.array(cell), total: cell })), totals: z.array(cell), total: cell }),
    monthly: z.object({ inNetwork: monthly, referred: monthly, started: monthly }),
    distinctCvr: cell,
    cvrTarget: z.number().int(),
  })
  .meta({ id: 'ProgrammeOverview' });

/** A hidden count never leaves the server: its value is null. */
const out = (c: ProtectedCell) => ({ value: c.hidden ? null : c.value, hidden: c.hidden });
const outSummary = (r: SummaryRow) => ({
  ...r,
  inNetwork: out(r.inNetwork),
  referred: out(r.referred),
  referredTotal: out(r.referredTotal),
  activeCompanies: out(r.activeCompanies),
  started: out(r.started),
  extensions: out(r.extensions),
  rotations: out(r.rotations),
  followed6: out(r.followed6),
});
const outMonthly = (t: MonthlyTable) => ({
  rows: t.rows.map((r) => ({ month: r.month, cells: r.cells.map(out), total: out(r.total) })),
  totals: t.totals?.map(out) ?? null,
  total: t.total ? out(t.total) : null,
});
export const toOverviewJson = (o: ProgrammeOverview): z.infer<typeof overview> => ({
  ...o,
  exitKinds: [...o.exitKinds],
  summary: {
    rows: o.summary.rows.map((r) => ({ ...outSummary(r), municipalityId: r.municipalityId, name: r.name })),
    total: outSummary(o.summary.total),
  },
  exits: {
    rows: o.exits.rows.map((r) => ({ cells: r.cells.map(out), total: out(r.total) })),
    totals: o.exits.totals.map(out),
    total: out(o.exits.total),
  },
  monthly: { inNetwork: outMonthly(o.monthly.inNetwork), referred: outMonthly(o.monthly.referred), started: outMonthly(o.monthly.started) },
  distinctCvr: out(o.distinctCvr),
});

/** The programme overview (#16) as JSON: the same protected figures as the page. */
export async function unitedApi(app: App, { services }: RouteDeps): Promise<void> {
  app.get(
    '/api/v1/programme/overview',
    {
      schema: {
        tags: ['programme'],
        summary: "The programme's overview: municipalities side by side and in total, small counts protected",
        querystring: z.object({ m: z.uuid().optional() }),
        response: { 200: overview, ...errors },
      },
    },
    async (request) => toOverviewJson(await services.united.overview(ctxOf(request), request.query.m)),
  );
}
