import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { readCsvTable, toCsv } from '../../platform/csv.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { invalid } from '../../platform/errors.ts';
import { fieldErrors } from '../../platform/validation.ts';
import { type CompanyInput, companyInput } from './companies.inputs.ts';
import type { CompaniesRepository } from './companies.repository.ts';
import type { OpeningsRepository } from './openings.repository.ts';

/** Column headings as the export writes them and the import reads them. */
const companyColumns: [heading: string, field: keyof CompanyInput | 'networkStatus'][] = [
  ['navn', 'name'],
  ['cvr', 'cvr'],
  ['branche', 'tradeSection'],
  ['adresse', 'address'],
  ['postnummer', 'postalCode'],
  ['område', 'area'],
  ['størrelse', 'size'],
  ['hvorfor', 'whyJoined'],
  ['status', 'networkStatus'],
];
const requiredHeadings = ['navn', 'cvr', 'branche', 'område'];
export const MAX_IMPORT_ROWS = 5000;

/** CSV export for the team, and an all-or-nothing CSV import of companies. */
export class CompaniesCsv {
  constructor(
    private readonly transactions: Transactions,
    private readonly companies: CompaniesRepository,
    private readonly openings: OpeningsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async exportCompanies(ctx: Context, municipalityId: string): Promise<string> {
    const grant = await this.access.requireOne(ctx, 'company.read_internal', { type: 'company_list', id: municipalityId, municipalityId });
    const rows = await this.companies.all(municipalityId);
    await this.audit.record(ctx, { action: 'company.export', actorRole: grant.role, municipalityId, details: { rows: rows.length } });
    return toCsv(
      companyColumns.map(([h]) => h),
      rows.map((c) => companyColumns.map(([, f]) => c[f])),
    );
  }

  async exportOpenings(ctx: Context, municipalityId: string): Promise<string> {
    const grant = await this.access.requireOne(ctx, 'company.read_internal', { type: 'company_list', id: municipalityId, municipalityId });
    const rows = await this.openings.all(municipalityId);
    await this.audit.record(ctx, { action: 'opening.export', actorRole: grant.role, municipalityId, details: { rows: rows.length } });
    return toCsv(
      ['virksomhed', 'titel', 'opgaver', 'sted', 'timer', 'varighed', 'pladser', 'start', 'lærer', 'vist'],
      rows.map((o) => [
        o.companyName,
        o.title,
        o.tasks,
        o.place,
        o.weeklyHours,
        o.durationMonths,
        o.seats,
        o.startFrom,
        o.learning,
        o.published ? 'ja' : 'nej',
      ]),
    );
  }

  /**
   * Validates every row and reports every error with its line number; imports nothing unless all
   * rows are valid. Errors are keyed `line.<n>.<field>` with message-catalog keys.
   */
  async importCompanies(ctx: Context, municipalityId: string, text: string): Promise<{ imported: number }> {
    const grant = await this.access.requireOne(ctx, 'company.create', { type: 'company', id: '', municipalityId });
    const { headings, rows } = readCsvTable(text, { required: requiredHeadings, maxRows: MAX_IMPORT_ROWS });
    const errors: Record<string, string> = {};
    const existing = new Set((await this.companies.all(municipalityId)).map((c) => c.cvr));
    const seen = new Map<string, number>();
    const valid: CompanyInput[] = [];
    for (const row of rows) {
      const record: Record<string, string> = { address: '', postalCode: '', size: '1-9', whyJoined: '' };
      headings.forEach((h, i) => {
        const field = companyColumns.find(([heading]) => heading === h)?.[1];
        if (field && field !== 'networkStatus') record[field] = row.fields[i] ?? '';
      });
      const parsed = companyInput.safeParse(record);
      if (!parsed.success) {
        for (const [field, key] of Object.entries(fieldErrors(parsed.error))) errors[`line.${row.line}.${field}`] = key;
        continue;
      }
      const cvr = parsed.data.cvr;
      if (existing.has(cvr)) errors[`line.${row.line}.cvr`] = 'errors.cvr_taken';
      else if (seen.has(cvr)) errors[`line.${row.line}.cvr`] = 'validation.csv_duplicate';
      seen.set(cvr, row.line);
      valid.push(parsed.data);
    }
    if (Object.keys(errors).length) throw invalid(errors, 'errors.import');
    const now = this.clock.now();
    const actor = this.access.requireActor(ctx);
    await this.transactions.transaction(async () => {
      for (const values of valid) await this.companies.insert(municipalityId, values, now, actor.userId);
      await this.audit.record(ctx, { action: 'company.import', actorRole: grant.role, municipalityId, details: { rows: valid.length } });
    });
    return { imported: valid.length };
  }
}
