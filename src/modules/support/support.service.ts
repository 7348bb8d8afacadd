import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import { can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { isIsoDate, localDate } from '../../platform/dates.ts';
import { conflict, invalid, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { YouthRepository } from '../youth/youth.repository.ts';
import type { GroupsRepository } from '../groups/groups.repository.ts';
import type { SupportNote, SupportRepository } from './support.repository.ts';
import { noteKinds, readRequestAnswers, staffNoteKinds } from './support.values.ts';
import { conversationKinds } from './support.values.ts';

export const noteInput = z.object({
  kind: z.enum(staffNoteKinds, { error: 'validation.note_kind' }),
  heldOn: z.string({ error: 'validation.date' }).trim().refine(isIsoDate, { error: 'validation.date' }),
  conversation: z.enum(conversationKinds, { error: 'validation.conversation' }),
  note: z
    .string({ error: 'validation.required' })
    .trim()
    .min(2, { error: 'validation.required' })
    .max(5000, { error: 'validation.text_long' }),
  nextStep: z.string().trim().max(1000, { error: 'validation.text_long' }).default(''),
});

export const readAnswerInput = z.object({
  answer: z.enum(readRequestAnswers, { error: 'validation.read_answer' }),
  text: z.string().trim().max(1000, { error: 'validation.text_long' }).default(''),
});

/** A young person's own note to the team, optionally only for their group's counsellor. */
export const ownNoteInput = z.object({
  note: z
    .string({ error: 'validation.required' })
    .trim()
    .min(2, { error: 'validation.required' })
    .max(5000, { error: 'validation.text_long' }),
  onlyCounsellor: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()),
});

/** The action that guards a kind of note: psychologists' notes have their own. */
const readAction = (kind: string) => (kind === 'psychologist' ? ('note.psychologist' as const) : ('note.read' as const));
/**
 * The action that guards one note: a young person's note "only for my counsellor" is their group's
 * counsellor's alone — whoever the group is assigned to now (the assignment, not the role, decides).
 */
const noteAction = (n: { kind: string; onlyForUserId: string | null }) =>
  n.onlyForUserId ? ('note.private' as const) : readAction(n.kind);
const writeAction = (kind: string) => (kind === 'psychologist' ? ('note.psychologist' as const) : ('note.write' as const));

/**
 * 1:1 support: conversations the team logs about a young person, and psychologists' confidential
 * notes, which only psychologists in the municipality can read. Every read is audited with the
 * young person as subject; a refused read is audited as denied.
 */
export class SupportNotesService {
  constructor(
    private readonly repo: SupportRepository,
    private readonly youth: YouthRepository,
    private readonly groups: GroupsRepository,
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
    const rows = await this.repo.notesOf(youthId);
    const counsellorUserId = rows.some((n) => n.onlyForUserId) ? await this.counsellorOf(youthId) : null;
    const readable = rows.filter((n) =>
      n.onlyForUserId ? can(actor, 'note.private', [{ ...target, counsellorUserId }]) : kinds.includes(n.kind),
    );
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
    const grant = await this.access.requireOne(ctx, writeAction(kind), {
      type: 'youth',
      id: youthId,
      municipalityId: y?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    const data = parseInput(noteInput, input);
    if (data.heldOn > localDate(this.clock.now())) throw invalid({ heldOn: 'validation.date_future' });
    return this.audit.atomically(async () => {
      const note = await this.repo.insert({
        ...data,
        municipalityId: y.municipalityId,
        youthId,
        authorUserId: this.access.requireActor(ctx).userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(ctx, {
        action: `note.write_${note.kind}`,
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'support_note',
        targetId: note.id,
        subjectUserId: y.userId,
      });
      return note;
    });
  }

  /** One note; a psychologist's note is not found for anyone but psychologists (the denial is audited). */
  async get(ctx: Context, id: string): Promise<SupportNote> {
    const note = isUuid(id) ? await this.repo.find(id) : undefined;
    const y = note ? await this.youth.find(note.youthId) : undefined;
    const grant = await this.access.requireOne(ctx, note ? noteAction(note) : 'note.psychologist', {
      type: 'support_note',
      id,
      municipalityId: note?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
      counsellorUserId: note?.onlyForUserId ? await this.counsellorOf(note.youthId) : null,
    });
    if (!note) throw notFound();
    await this.audit.record(ctx, {
      action: `note.read_${note.kind}`,
      actorRole: grant.role,
      municipalityId: note.municipalityId,
      targetType: 'support_note',
      targetId: id,
      subjectUserId: y?.userId ?? null,
    });
    return note;
  }

  /** The team member the young person's current group is assigned to, if any. */
  private async counsellorOf(youthId: string): Promise<string | null> {
    return (await this.groups.groupOf(youthId))?.counsellorUserId ?? null;
  }

  /** The signed-in young person's own record. */
  private async own(ctx: Context) {
    const actor = this.access.requireActor(ctx);
    const y = await this.youth.findByUser(actor.userId);
    const grant = await this.access.requireOne(ctx, 'note.own', {
      type: 'youth',
      id: y?.id ?? '',
      municipalityId: y?.municipalityId ?? null,
      ownerUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    return { y, grant };
  }

  /**
   * For the young person: that psychologist's notes exist and when; their requests to read them;
   * and the notes themselves once a psychologist has agreed (each read audited).
   */
  async mine(ctx: Context) {
    const { y, grant } = await this.own(ctx);
    const notes = await this.repo.psychologistNotesOf(y.id);
    const requests = await this.repo.readRequests(y.id);
    const granted = requests.some((r) => r.answer === 'granted');
    if (granted && notes.length)
      await this.audit.record(
        ctx,
        notes.map((n) => ({
          action: 'note.read_own',
          actorRole: grant.role,
          municipalityId: y.municipalityId,
          targetType: 'support_note',
          targetId: n.id,
          subjectUserId: y.userId,
        })),
      );
    const own = await this.repo.ownNotesOf(y.id);
    const group = await this.groups.groupOf(y.id);
    return { dates: notes.map((n) => n.heldOn), notes: granted ? notes : [], requests, own, hasCounsellor: !!group?.counsellorUserId };
  }

  /**
   * The young person writes to the team in their own words; marked "only for my counsellor", the
   * note goes to their group's counsellor alone (refused while they have none).
   */
  async writeOwn(ctx: Context, input: unknown): Promise<SupportNote> {
    const { y, grant } = await this.own(ctx);
    const data = parseInput(ownNoteInput, input);
    const counsellor = data.onlyCounsellor ? (await this.groups.groupOf(y.id))?.counsellorUserId : null;
    if (data.onlyCounsellor && !counsellor) throw invalid({ onlyCounsellor: 'validation.no_counsellor' });
    const now = this.clock.now();
    return this.audit.atomically(async () => {
      const note = await this.repo.insert({
        municipalityId: y.municipalityId,
        youthId: y.id,
        kind: 'youth',
        heldOn: localDate(now),
        conversation: 'message',
        note: data.note,
        authorUserId: y.userId,
        onlyForUserId: counsellor ?? null,
        createdAt: now,
      });
      await this.audit.record(ctx, {
        action: 'note.write_youth',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'support_note',
        targetId: note.id,
        subjectUserId: y.userId,
        details: { onlyCounsellor: !!counsellor },
      });
      return note;
    });
  }

  /** The young person asks to read the psychologist's notes; one open request at a time. */
  async askToRead(ctx: Context): Promise<void> {
    const { y, grant } = await this.own(ctx);
    try {
      await this.audit.atomically(async () => {
        await this.repo.askToRead(y.municipalityId, y.id, this.clock.now());
        await this.audit.record(ctx, {
          action: 'note.ask_to_read',
          actorRole: grant.role,
          municipalityId: y.municipalityId,
          targetType: 'youth',
          targetId: y.id,
          subjectUserId: y.userId,
        });
      });
    } catch (err) {
      // Mapped once the transaction has rolled back (#19.10).
      if (isUniqueViolation(err)) throw conflict('errors.read_request_open');
      throw err;
    }
  }

  /** For psychologists: the young person's requests to read. */
  async readRequests(ctx: Context, youthId: string) {
    const y = await this.young(youthId);
    await this.access.require(ctx, 'note.psychologist', [
      { type: 'youth', id: youthId, municipalityId: y?.municipalityId ?? null, subjectUserId: y?.userId ?? null },
    ]);
    if (!y) throw notFound();
    return this.repo.readRequests(youthId);
  }

  /** A psychologist answers the open request: agree (the young person can then read the notes) or not, with a word. */
  async answerReadRequest(ctx: Context, youthId: string, input: unknown): Promise<void> {
    const y = await this.young(youthId);
    const grant = await this.access.requireOne(ctx, 'note.psychologist', {
      type: 'youth',
      id: youthId,
      municipalityId: y?.municipalityId ?? null,
      subjectUserId: y?.userId ?? null,
    });
    if (!y) throw notFound();
    const data = parseInput(readAnswerInput, input);
    await this.audit.atomically(async () => {
      const answered = await this.repo.answerOpenRequest(youthId, {
        answer: data.answer,
        answerText: data.text,
        answeredAt: this.clock.now(),
        answeredByUserId: this.access.requireActor(ctx).userId,
      });
      if (!answered) throw conflict('errors.read_request_none');
      await this.audit.record(ctx, {
        action: 'note.answer_read_request',
        actorRole: grant.role,
        municipalityId: y.municipalityId,
        targetType: 'youth',
        targetId: youthId,
        subjectUserId: y.userId,
        details: { answer: data.answer },
      });
    });
  }
}
