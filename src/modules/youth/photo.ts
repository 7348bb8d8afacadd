import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Pictures larger than this many pixels are refused before decoding (a small file can claim a huge image). */
const MAX_PIXELS = 40_000_000;

/** The image types a profile photo may have, recognised by their first bytes, not by the file name. */
function claimedType(bytes: Buffer): PhotoType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/**
 * WebP has no decoder in pure JavaScript here: the container is checked instead — the RIFF size
 * matches the file, and the first chunk is a VP8, VP8L or VP8X image with a plausible size.
 */
function webpLooksWhole(bytes: Buffer): boolean {
  if (bytes.length < 30 || bytes.readUInt32LE(4) + 8 !== bytes.length) return false;
  const chunk = bytes.toString('latin1', 12, 16);
  const size = bytes.readUInt32LE(16);
  if (size + 20 > bytes.length || size < 10) return false;
  if (chunk === 'VP8 ') return bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a && (bytes.readUInt16LE(26) & 0x3fff) > 0;
  if (chunk === 'VP8L') return bytes[20] === 0x2f;
  return chunk === 'VP8X';
}

/**
 * The type of a picture that really is one (#19.9): PNG and JPEG are decoded in full (a renamed
 * file or a damaged picture fails), WebP's container is checked; undefined otherwise.
 */
export function photoType(bytes: Buffer): PhotoType | undefined {
  const type = claimedType(bytes);
  try {
    if (type === 'image/png') {
      const width = bytes.readUInt32BE(16);
      const height = bytes.readUInt32BE(20);
      if (!width || !height || width * height > MAX_PIXELS) return undefined;
      PNG.sync.read(bytes);
      return type;
    }
    if (type === 'image/jpeg') {
      jpeg.decode(bytes, { maxResolutionInMP: MAX_PIXELS / 1_000_000, maxMemoryUsageInMB: 256, formatAsRGBA: false });
      return type;
    }
    if (type === 'image/webp') return webpLooksWhole(bytes) ? type : undefined;
  } catch {
    return undefined;
  }
  return undefined;
}

export const MAX_PHOTO_BYTES = 1_048_576;
