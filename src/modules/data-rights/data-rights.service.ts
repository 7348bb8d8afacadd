import type { Access } from '../../platform/access/access.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Sealer } from '../../platform/crypto/sealed.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import { eraseInput } from './data-rights.inputs.ts';
import type { DataRightsRepository, DataSubject, ExportRow, ExportSection } from './data-rights.repository.ts';
import { references, sources } from './data-rights.sources.ts';

/** Everything the platform holds about a young person (GDPR art. 15 and 20), as one document. */
export interface DataExport {
  format: 'nextwork-data-export';
  version: 1;
  exportedAt: string;
  youth: { id: string; firstName: string; lastName: string };
  /** Who asked: the young person themselves, or the team for a request received by letter. */
  requestedBy: 'self' | 'team';
  sections: ExportSection[];
  /** The names of the people the rows refer to (staff who wrote, changed or approved). */
  people: Record<string, string>;
  /** The names of the records the rows refer to, by column: companies, openings, groups… */
  records: Record<string, Record<string, string>>;
  /** What is held but left out, and why (decision 0027). */
  withheld: { table: string; column: string; reason: string }[];
}

/** What an erased record's CPR number opens to: no one's (day 00 is no date). */
export const ERASED_CPR = '0000000000';

/** The columns whose values name a person. */
const personColumn = (column: string) => column === 'user_id' || column.endsWith('_user_id');

/** Support notes the young person may not read (the team's; the psychologist's before a yes): date and kind, not the text. */
function redactNotes(rows: ExportRow[], psychologistGranted: boolean): ExportRow[] {
  return rows.map((n) => {
    const readable = n.kind === 'youth' || (n.kind === 'psychologist' && psychologistGranted);
    return readable ? n : { ...n, note: null, next_step: null, withheld: true };
  });
}

/**
 * The young person's rights over their data: the export (art. 15 and 20), by themselves from their
 * own pages or by the team for a request received by letter. Each export is audited.
 */
export class DataRightsService {
  constructor(
    private readonly repo: DataRightsRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sealer: Sealer,
    /** Units of work: an erasure and its audit entry commit together. */
    private readonly atomically: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => audit.atomically(fn),
  ) {}

  /** For the confirm page: the young person, if the actor may erase their data (audited when refused). */
  async erasable(ctx: Context, youthId: string): Promise<DataSubject> {
    const { y } = await this.forErasure(ctx, youthId);
    return y;
  }

  private async forErasure(ctx: Context, youthId: string) {
    const y = isUuid(youthId) ? await this.repo.find(youthId) : undefined;
    const grant = await this.access.requireOne(ctx, 'data.erase', {
      type: 'youth',
      id: youthId,
      municipalityId: y?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    return { y, grant };
  }

  /**
   * Erasure on request (art. 17), by the team leader or the municipality's administrator, after
   * the confirm step: one transaction with its audit entry. Erasing twice is refused.
   */
  async erase(ctx: Context, youthId: string, input: unknown): Promise<{ deleted: number; anonymised: number }> {
    const { y, grant } = await this.forErasure(ctx, youthId);
    parseInput(eraseInput, input);
    if (y.erasedAt) throw conflict('errors.data_erased');
    return this.eraseOne(ctx, y, grant.role, 'request');
  }

  private eraseOne(ctx: Context, y: DataSubject, role: string | null, reason: 'request' | 'retention') {
    return this.atomically(async () => {
      const counts = await this.repo.erase(y, this.clock.now(), this.sealer.seal(ERASED_CPR));
      await this.audit.record(ctx, {
        action: reason === 'request' ? 'data.erase' : 'data.retention',
        actorRole: role,
        municipalityId: y.municipalityId,
        targetType: 'youth',
        targetId: y.id,
        subjectUserId: y.userId,
        details: counts,
      });
      return counts;
    });
  }

  /**
   * The daily retention job: erases the personal data of every young person whose course ended
   * longer ago than their municipality's retention period. Idempotent: an erased record is not due.
   */
  async applyRetention(): Promise<{ erased: number }> {
    const due = await this.repo.dueForErasure(this.clock.now());
    const ctx: Context = { actor: null, requestId: `retention-${this.clock.now().toISOString()}` };
    for (const y of due) await this.eraseOne(ctx, y, null, 'retention');
    return { erased: due.length };
  }

  /** The young person's own export. */
  async exportMine(ctx: Context): Promise<DataExport> {
    const actor = this.access.requireActor(ctx);
    const y = await this.repo.findByUser(actor.userId);
    const grant = await this.access.requireOne(ctx, 'data.export', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
      subjectUserId: y?.userId ?? actor.userId,
    });
    if (!y) throw notFound();
    return this.exportOf(ctx, y, grant.role, 'self');
  }

  /** The team's export for a request the young person sent by letter or mail. */
  async exportFor(ctx: Context, youthId: string): Promise<DataExport> {
    const y = isUuid(youthId) ? await this.repo.find(youthId) : undefined;
    const grant = await this.access.requireOne(ctx, 'data.export', {
      type: 'youth',
      id: youthId,
      municipalityId: y?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    return this.exportOf(ctx, y, grant.role, 'team');
  }

  private async exportOf(ctx: Context, y: DataSubject, role: string, requestedBy: 'self' | 'team'): Promise<DataExport> {
    const collected = await this.repo.collect(y);
    const granted = await this.repo.psychologistNotesGranted(y.id);
    const sections = collected.map((s) => (s.table === 'support_notes' ? { ...s, rows: redactNotes(s.rows, granted) } : s));
    const userIds = new Set<string>();
    const recordIds: Record<string, Set<string>> = {};
    for (const s of sections)
      for (const row of s.rows)
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string') continue;
          if (personColumn(column)) userIds.add(value);
          else if (references[column]) (recordIds[column] ??= new Set()).add(value);
        }
    const [people, records] = await Promise.all([
      this.repo.userNames([...userIds]),
      this.repo.recordNames(Object.fromEntries(Object.entries(recordIds).map(([k, v]) => [k, [...v]]))),
    ]);
    const rows = sections.reduce((n, s) => n + s.rows.length, 0);
    await this.audit.record(ctx, {
      action: 'data.export',
      actorRole: role,
      municipalityId: y.municipalityId,
      targetType: 'youth',
      targetId: y.id,
      subjectUserId: y.userId,
      details: { requestedBy, rows },
    });
    return {
      format: 'nextwork-data-export',
      version: 1,
      exportedAt: this.clock.now().toISOString(),
      youth: { id: y.id, firstName: y.firstName, lastName: y.lastName },
      requestedBy,
      sections,
      people,
      records,
      withheld: sources.flatMap((s) => Object.entries(s.omit ?? {}).map(([column, reason]) => ({ table: s.table, column, reason }))),
    };
  }
}
