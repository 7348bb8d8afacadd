import { PNG } from 'pngjs';

/** A real, decodable 2 × 2 PNG (a profile photo must decode, not only start like one). */
export function tinyPng(): Buffer {
  return PNG.sync.write(Object.assign(new PNG({ width: 2, height: 2 }), { data: Buffer.alloc(2 * 2 * 4, 180) }));
}
