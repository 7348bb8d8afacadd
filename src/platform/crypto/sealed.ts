import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The configured data key is not the one the database's data was sealed with (key-check.ts). */
export class DataKeyMismatchError extends Error {
  constructor() {
    super(
      'DATA_KEY does not match the data in this database: start with the key the data was encrypted with (in embedded mode without DATA_KEY, the file data-key in DATA_DIR). Keep the key together with every backup, in the secret store.',
    );
  }
}

/**
 * Encryption at rest for the most sensitive fields (CPR numbers): AES-256-GCM with a key from
 * configuration, and a keyed hash for finding duplicates without decrypting.
 */
export class Sealer {
  readonly #key: Buffer;
  readonly #hashKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('The data key must be 32 bytes');
    this.#key = key;
    this.#hashKey = createHmac('sha256', key).update('nextwork lookup hash').digest();
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('Unknown sealed format');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }

  /** Same input, same hash, under this key only. */
  lookupHash(plain: string): string {
    return createHmac('sha256', this.#hashKey).update(plain).digest('hex');
  }

  /** A signature over data for one purpose (e.g. feedback links), under a key derived for that purpose. */
  sign(purpose: string, data: string): string {
    const key = createHmac('sha256', this.#key).update(`nextwork ${purpose}`).digest();
    return createHmac('sha256', key).update(data).digest('base64url');
  }

  verify(purpose: string, data: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(purpose, data));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
