import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { isIsoDate, localDate } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/client.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import { conversationKinds, noteKinds, supportNotes } from './support.schema.ts';

export type SupportNote = typeof supportNotes.$inferSelect;
const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

export const noteInput = z.object({
  kind: z.enum(noteKinds, { error: 'validation.note_kind' }),
  heldOn: z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' }),
  conversation: z.enum(conversationKinds, { error: 'validation.conversation' }),
  note: z
    .string({ error: 'validation.required' })
    .trim()
    .min(2, { error: 'validation.required' })
    .max(5000, { error: 'validation.text_long' }),
  nextStep: z.string().trim().max(1000, { error: 'validation.text_long' }).default(''),
});

/** The action that guards a kind of note: psychologists' notes have their own. */
const readAction = (kind: string) => (kind === 'psychologist' ? ('note.psychologist' as const) : ('note.read' as const));
const writeAction = (kind: string) => (kind === 'psychologist' ? ('note.psychologist' as const) : ('note.write' as const));

/**
 * 1:1 support: conversations the team logs about a young person, and psychologists' confidential
 * notes, which only psychologists in the municipality can read. Every read is audited with the
 * young person as subject; a refused read is audited as denied.
 */
export class SupportNotesService {
  constructor(
    private readonly db: Db,
    private readonly youth: YouthRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private async young(youthId: string) {
    return isUuid(youthId) ? this.youth.find(youthId) : undefined;
  }

  /** The notes this actor may read about a young person: the team's, and psychologists' only for psychologists. */
  async list(ctx: Context, youthId: string) {
    const y = await this.young(youthId);
    const actor = this.access.requireActor(ctx);
    const target = { type: 'youth', id: youthId, municipalityId: y?.municipalityId ?? null, subjectUserId: y?.userId ?? null };
    const kinds = noteKinds.filter((k) => can(actor, readAction(k), [target]));
    // Neither kind readable: the one check refuses (and audits) as for any record.
    const grants = await this.access.require(ctx, kinds[0] ? readAction(kinds[0]) : 'note.read', [target]);
    if (!y) throw notFound();
    const rows = await this.db
      .select()
      .from(supportNotes)
      .where(eq(supportNotes.youthId, youthId))
      .orderBy(desc(supportNotes.heldOn), desc(supportNotes.createdAt));
    const readable = rows.filter((n) => kinds.includes(n.kind));
    await this.audit.record(
      ctx,
      readable.map((n) => ({
        action: `note.read_${n.kind}`,
        actorRole: grants[0]!.role,
        municipalityId: y.municipalityId,
        targetType: 'support_note',
        targetId: n.id,
        subjectUserId: y.userId,
      })),
    );
    return { youth: y, kinds, notes: readable };
  }

  async add(ctx: Context, youthId: string, input: unknown): Promise<SupportNote> {
    const y = await this.young(youthId);
    const kind = (input as { kind?: string } | null)?.kind === 'psychologist' ? 'psychologist' : 'team';
    const [grant] = await this.access.require(ctx, writeAction(kind), [
      { type: 'youth', id: youthId, municipalityId: y?.municipalityId ?? null, subjectUserId: y?.userId ?? null },
    ]);
    if (!y) throw notFound();
    const data = parseInput(noteInput, input);
    if (data.heldOn > localDate(this.clock.now())) throw invalid({ heldOn: 'validation.date_future' });
    const [note] = await this.db
      .insert(supportNotes)
      .values({
        ...data,
        municipalityId: y.municipalityId,
        youthId,
        authorUserId: this.access.requireActor(ctx).userId,
        createdAt: this.clock.now(),
      })
      .returning();
    await this.audit.record(ctx, {
      action: `note.write_${note!.kind}`,
      actorRole: grant!.role,
      municipalityId: y.municipalityId,
      targetType: 'support_note',
      targetId: note!.id,
      subjectUserId: y.userId,
    });
    return note!;
  }

  /** One note; a psychologist's note is not found for anyone but psychologists (the denial is audited). */
  async get(ctx: Context, id: string): Promise<SupportNote> {
    const [note] = isUuid(id) ? await this.db.select().from(supportNotes).where(eq(supportNotes.id, id)).limit(1) : [];
    const y = note ? await this.youth.find(note.youthId) : undefined;
    const [grant] = await this.access.require(ctx, readAction(note?.kind ?? 'psychologist'), [
      { type: 'support_note', id, municipalityId: note?.municipalityId ?? null, subjectUserId: y?.userId ?? null },
    ]);
    if (!note) throw notFound();
    await this.audit.record(ctx, {
      action: `note.read_${note.kind}`,
      actorRole: grant!.role,
      municipalityId: note.municipalityId,
      targetType: 'support_note',
      targetId: id,
      subjectUserId: y?.userId ?? null,
    });
    return note;
  }
}
