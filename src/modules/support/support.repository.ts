import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { noteReadRequests, supportNotes } from './support.schema.ts';

export type SupportNote = typeof supportNotes.$inferSelect;
export type NewSupportNote = typeof supportNotes.$inferInsert;
export type NoteReadRequest = typeof noteReadRequests.$inferSelect;
export type ReadRequestAnswer = Pick<typeof noteReadRequests.$inferInsert, 'answer' | 'answerText' | 'answeredAt' | 'answeredByUserId'>;

/** 1:1 support notes and the young person's requests to read the psychologist's notes. */
export class SupportRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<SupportNote | undefined> {
    const [note] = await this.db.select().from(supportNotes).where(eq(supportNotes.id, id)).limit(1);
    return note;
  }

  /** Every note about a young person, newest conversation first. */
  notesOf(youthId: string): Promise<SupportNote[]> {
    return this.db
      .select()
      .from(supportNotes)
      .where(eq(supportNotes.youthId, youthId))
      .orderBy(desc(supportNotes.heldOn), desc(supportNotes.createdAt));
  }

  /** The psychologists' notes about a young person, newest conversation first. */
  psychologistNotesOf(youthId: string): Promise<SupportNote[]> {
    return this.db
      .select()
      .from(supportNotes)
      .where(and(eq(supportNotes.youthId, youthId), eq(supportNotes.kind, 'psychologist')))
      .orderBy(desc(supportNotes.heldOn));
  }

  /** The young person's own notes, newest first. */
  ownNotesOf(youthId: string): Promise<SupportNote[]> {
    return this.db
      .select()
      .from(supportNotes)
      .where(and(eq(supportNotes.youthId, youthId), eq(supportNotes.kind, 'youth')))
      .orderBy(desc(supportNotes.createdAt));
  }

  async insert(values: NewSupportNote): Promise<SupportNote> {
    const [note] = await this.db.insert(supportNotes).values(values).returning();
    return note!;
  }

  readRequests(youthId: string): Promise<NoteReadRequest[]> {
    return this.db.select().from(noteReadRequests).where(eq(noteReadRequests.youthId, youthId)).orderBy(desc(noteReadRequests.askedAt));
  }

  /** A new request to read; a second open one is a unique violation. */
  async askToRead(municipalityId: string, youthId: string, at: Date): Promise<void> {
    await this.db.insert(noteReadRequests).values({ municipalityId, youthId, askedAt: at });
  }

  /** Answers the open request; false when there is none. */
  async answerOpenRequest(youthId: string, answer: ReadRequestAnswer): Promise<boolean> {
    const rows = await this.db
      .update(noteReadRequests)
      .set(answer)
      .where(and(eq(noteReadRequests.youthId, youthId), isNull(noteReadRequests.answer)))
      .returning({ id: noteReadRequests.id });
    return rows.length > 0;
  }
}
