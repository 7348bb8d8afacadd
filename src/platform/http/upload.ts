import type { FastifyRequest } from 'fastify';
import { invalid } from '../errors.ts';

interface UploadedFile {
  filename?: string;
  mimetype?: string;
  toBuffer?: () => Promise<Buffer>;
  _buf?: Buffer;
}

/** Decodes an uploaded file: UTF-8, or Windows-1252/Latin-1 as older spreadsheets save it. */
export function decodeUpload(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The text of the CSV file in a multipart form's `file` field; refused (field `file`) when missing or not CSV. */
export async function uploadedCsv(request: FastifyRequest): Promise<string> {
  const file = (request.body as Record<string, unknown> | undefined)?.file as UploadedFile | undefined;
  const bytes = file?._buf ?? (file?.toBuffer ? await file.toBuffer() : undefined);
  const isCsv = !!file?.filename && (/\.csv$/i.test(file.filename) || /^text\/(csv|plain)/.test(file.mimetype ?? ''));
  if (!bytes || !bytes.length || !isCsv) throw invalid({ file: 'validation.csv_file' });
  return decodeUpload(bytes);
}

/** A multipart form's text fields as strings, as `formValues` gives a plain form's (without _csrf and _page). */
export function multipartValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      const value = v && typeof v === 'object' && 'value' in v ? (v as { value: unknown }).value : undefined;
      if (!k.startsWith('_') && typeof value === 'string') values[k] = value;
    }
  }
  return values;
}

/** The file in a multipart form's field, or undefined when none was chosen (browsers send an empty part). */
export async function uploadedFile(request: FastifyRequest, field: string): Promise<{ name: string; bytes: Buffer } | undefined> {
  const file = (request.body as Record<string, unknown> | undefined)?.[field] as UploadedFile | undefined;
  const bytes = file?._buf ?? (file?.toBuffer ? await file.toBuffer() : undefined);
  if (!file?.filename || !bytes?.length) return undefined;
  return { name: file.filename, bytes };
}
