/** What a library entry is (seeds 002 and 004: the methods and tools "on the shelf", and anonymised case stories). */
export const libraryKinds = ['method', 'tool', 'case_story'] as const;
export type LibraryKind = (typeof libraryKinds)[number];

export const LIBRARY_TITLE_MAX = 160;
export const LIBRARY_TEXT_MAX = 20_000;
export const LIBRARY_TAGS_MAX = 8;
export const LIBRARY_TAG_MAX = 40;
/** A PDF attached to an entry: at most 10 MB. */
export const LIBRARY_PDF_MAX_BYTES = 10 * 1024 * 1024;
