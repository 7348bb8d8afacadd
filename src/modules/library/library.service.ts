import { z } from 'zod';
import type { Access } from '../../platform/access/access.ts';
import { type Actor, can } from '../../platform/access/policy.ts';
import type { AuditService, Context } from '../../platform/audit/audit.service.ts';
import type { Clock } from '../../platform/clock.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import { isUuid, parseInput } from '../../platform/validation.ts';
import type { LibraryEntry, LibraryEntryView, LibraryRepository } from './library.repository.ts';
import {
  LIBRARY_PDF_MAX_BYTES,
  LIBRARY_TAG_MAX,
  LIBRARY_TAGS_MAX,
  LIBRARY_TEXT_MAX,
  LIBRARY_TITLE_MAX,
  libraryKinds,
} from './library.values.ts';

/** A CPR number (ddmmyy-xxxx, with or without the dash) in a text that must be anonymised. */
const cprLike = /(^|\D)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-\s]?\d{4}(\D|$)/;

/** Tags typed as "motivation, første møde": trimmed, lower case, each once. */
const tagList = z
  .string()
  .default('')
  .transform((s) => [
    ...new Set(
      s
        .split(',')
        .map((t) => t.trim().toLocaleLowerCase('da'))
        .filter(Boolean),
    ),
  ])
  .refine((tags) => tags.length <= LIBRARY_TAGS_MAX, { error: 'library.validation.tags_many' })
  .refine((tags) => tags.every((t) => t.length <= LIBRARY_TAG_MAX), { error: 'library.validation.tag_long' });

export const libraryInput = z.object({
  kind: z.enum(libraryKinds, { error: 'library.validation.kind' }),
  title: z
    .string({ error: 'library.validation.title' })
    .trim()
    .min(1, { error: 'library.validation.title' })
    .max(LIBRARY_TITLE_MAX, { error: 'library.validation.title_long' }),
  body: z
    .string({ error: 'library.validation.body' })
    .trim()
    .min(1, { error: 'library.validation.body' })
    .max(LIBRARY_TEXT_MAX, { error: 'library.validation.body_long' })
    .refine((text) => !cprLike.test(text), { error: 'library.validation.cpr' }),
  // A form's "motivation, første møde", or the API's list.
  tags: z.preprocess((v) => (Array.isArray(v) ? v.join(',') : v), tagList),
});
export type LibraryInput = z.input<typeof libraryInput>;

/** An uploaded PDF: its file name and bytes. */
export interface LibraryPdf {
  name: string;
  bytes: Buffer;
}

export interface LibrarySearch {
  q?: string;
  tag?: string;
  /** The archive (curators only). */
  archived?: boolean;
}

/** What a page may offer to do with an entry. */
export interface LibraryEntryRights {
  edit: boolean;
  curate: boolean;
}

const programmeWide = { municipalityId: null } as const;

/**
 * The shared learning library of NExTWORK United (#16): staff of every municipality publish and
 * read methods, tools and anonymised case stories; the programme lead curates (pins, archives).
 * Companies and young people never reach it (policy: library.read is the team's and the
 * programme's). Entries hold no personal data, so reading them is not audited; publishing,
 * changing, pinning and archiving are.
 */
export class LibraryService {
  constructor(
    private readonly repo: LibraryRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async search(ctx: Context, q: LibrarySearch): Promise<{ entries: LibraryEntryView[]; tags: { tag: string; entries: number }[] }> {
    await this.access.requireAction(ctx, q.archived ? 'library.curate' : 'library.read', { type: 'library', ...programmeWide });
    const words = (q.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
    const tag = q.tag?.trim().toLocaleLowerCase('da') || undefined;
    const [entries, tags] = await Promise.all([this.repo.search({ words, tag, archived: !!q.archived }), this.repo.tags()]);
    return { entries, tags };
  }

  /** One entry; an archived one only for curators and its author. */
  async get(ctx: Context, id: string): Promise<{ entry: LibraryEntryView; rights: LibraryEntryRights }> {
    await this.access.requireAction(ctx, 'library.read', { type: 'library_entry', id, ...programmeWide });
    const entry = isUuid(id) ? await this.repo.find(id) : undefined;
    if (!entry) throw notFound();
    const rights = this.rights(ctx.actor!, entry);
    if (entry.archivedAt && !rights.edit) throw notFound();
    return { entry, rights };
  }

  async pdf(ctx: Context, id: string): Promise<{ pdf: Buffer; name: string }> {
    await this.get(ctx, id);
    const file = await this.repo.pdf(id);
    if (!file) throw notFound();
    return file;
  }

  rights(actor: Actor, entry: LibraryEntry): LibraryEntryRights {
    const curate = can(actor, 'library.curate', [programmeWide]);
    return { curate, edit: curate || (entry.authorUserId === actor.userId && can(actor, 'library.publish', [programmeWide])) };
  }

  /** Throws not found (audited) unless the actor may publish: for the form's page. */
  async mayPublish(ctx: Context): Promise<void> {
    await this.access.requireAction(ctx, 'library.publish', { type: 'library', ...programmeWide });
  }

  async publish(ctx: Context, input: unknown, pdf?: LibraryPdf): Promise<LibraryEntry> {
    const grant = await this.access.requireAction(ctx, 'library.publish', { type: 'library', ...programmeWide });
    const values = parseInput(libraryInput, input);
    const file = pdf && checkPdf(pdf);
    const now = this.clock.now();
    return this.audit.atomically(async () => {
      const entry = await this.repo.insert({
        ...values,
        municipalityId: grant.municipalityId,
        authorUserId: ctx.actor!.userId,
        ...(file ? { pdf: file.bytes, pdfName: file.name, pdfBytes: file.bytes.length } : {}),
        createdAt: now,
        updatedAt: now,
      });
      await this.audit.record(ctx, {
        action: 'library.publish',
        actorRole: grant.role,
        municipalityId: grant.municipalityId,
        targetType: 'library_entry',
        targetId: entry.id,
        details: { kind: entry.kind, pdf: !!file },
      });
      return entry;
    });
  }

  async update(ctx: Context, id: string, input: unknown, change: { pdf?: LibraryPdf; removePdf?: boolean } = {}): Promise<void> {
    const { entry } = await this.editable(ctx, id);
    const values = parseInput(libraryInput, input);
    const file = change.pdf && checkPdf(change.pdf);
    await this.audit.atomically(async () => {
      await this.repo.update(id, {
        ...values,
        ...(file
          ? { pdf: file.bytes, pdfName: file.name, pdfBytes: file.bytes.length }
          : change.removePdf
            ? { pdf: null, pdfName: null, pdfBytes: null }
            : {}),
        updatedAt: this.clock.now(),
      });
      await this.audit.record(ctx, {
        action: 'library.update',
        targetType: 'library_entry',
        targetId: id,
        municipalityId: entry.municipalityId,
        details: { pdf: file ? 'replaced' : change.removePdf ? 'removed' : 'kept' },
      });
    });
  }

  /** Pins an entry to the top of the library (or unpins it): the programme lead's curation. */
  async pin(ctx: Context, id: string, pinned: boolean): Promise<void> {
    const grant = await this.access.requireAction(ctx, 'library.curate', { type: 'library_entry', id, ...programmeWide });
    const entry = isUuid(id) ? await this.repo.find(id) : undefined;
    if (!entry) throw notFound();
    await this.audit.atomically(async () => {
      await this.repo.update(id, { pinnedAt: pinned ? this.clock.now() : null });
      await this.audit.record(ctx, {
        action: 'library.pin',
        actorRole: grant.role,
        targetType: 'library_entry',
        targetId: id,
        details: { pinned },
      });
    });
  }

  /** Archives an entry (out of the library, kept in the archive) or brings it back: curators and its author. */
  async archive(ctx: Context, id: string, archived: boolean): Promise<void> {
    const { entry } = await this.editable(ctx, id);
    await this.audit.atomically(async () => {
      await this.repo.update(id, { archivedAt: archived ? this.clock.now() : null, ...(archived ? { pinnedAt: null } : {}) });
      await this.audit.record(ctx, {
        action: 'library.archive',
        targetType: 'library_entry',
        targetId: id,
        municipalityId: entry.municipalityId,
        details: { archived },
      });
    });
  }

  private async editable(ctx: Context, id: string): Promise<{ entry: LibraryEntryView }> {
    const { entry, rights } = await this.get(ctx, id);
    if (!rights.edit) throw notFound();
    return { entry };
  }
}

/** A PDF: its name ends in .pdf, it starts as a PDF does, and it is at most 10 MB. */
function checkPdf(pdf: LibraryPdf): LibraryPdf {
  if (pdf.bytes.length > LIBRARY_PDF_MAX_BYTES) throw invalid({ pdf: 'library.validation.pdf_large' });
  if (!pdf.bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw invalid({ pdf: 'library.validation.pdf' });
  const base = pdf.name
    .split(/[\\/]/)
    .pop()!
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .slice(-120);
  const name = /\.pdf$/i.test(base) ? base : `${base || 'dokument'}.pdf`;
  return { name, bytes: pdf.bytes };
}
