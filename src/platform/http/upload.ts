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
