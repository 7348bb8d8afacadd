import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { boot } from '../../src/app/boot.ts';
import { loadConfig } from '../../src/app/config.ts';
import { DataKeyMismatchError } from '../../src/platform/crypto/sealed.ts';

describe('the data key must match the data (embedded)', () => {
  it('a data directory started with key A refuses key B and opens again with key A', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-key-'));
    const config = (key: Buffer) => loadConfig({ DATA_DIR: dir, DATA_KEY: key.toString('hex'), DEMO: 'false' });
    const [a, b] = [randomBytes(32), randomBytes(32)];
    try {
      await (await boot(config(a))).database.close();
      await expect(boot(config(b))).rejects.toThrow(DataKeyMismatchError);
      // Refused before anything else: the directory is unlocked again and still opens with key A.
      expect(fs.existsSync(path.join(dir, 'nextwork.lock'))).toBe(false);
      await (await boot(config(a))).database.close();
      // Without DATA_KEY, embedded mode uses DATA_DIR/data-key, which was never key A.
      await expect(boot(loadConfig({ DATA_DIR: dir, DEMO: 'false' }))).rejects.toThrow(/^DATA_KEY does not match the data/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
