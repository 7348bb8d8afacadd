import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/platform/errors.ts';
import { type TestContext, createTestContext, ctx, makeUser } from '../support/context.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('municipalities', () => {
  it('a system administrator creates one; bad input and duplicates change nothing', async () => {
    const admin = await makeUser(t, [{ role: 'system_admin', municipalityId: null }]);
    const m = await t.services.municipalities.create(ctx(admin), { name: 'Sønderborg', code: '540' });
    expect(m).toMatchObject({ name: 'Sønderborg', code: '540', youthCapacity: 45 });
    const count = async () => (await t.services.municipalities.listMine(ctx(admin))).length;
    const before = await count();
    const fail = async (input: unknown) => {
      try {
        await t.services.municipalities.create(ctx(admin), input);
      } catch (err) {
        return err as AppError;
      }
      throw new Error('expected an error');
    };
    expect((await fail({ name: 'X', code: '5400' })).fields).toEqual({ name: 'validation.name', code: 'validation.municipality_code' });
    expect((await fail({ name: 'Horsens', code: '615', youthCapacity: 'many' })).fields).toEqual({ youthCapacity: 'validation.capacity' });
    expect((await fail({ name: 'Sønderborg', code: '541' })).code).toBe('conflict');
    expect(await count()).toBe(before);
  });
});
