import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '../../src/platform/passwords.ts';
import { fields } from '../../src/platform/validation.ts';

describe('new passwords (#19.9)', () => {
  it('refuses blank, repeated and common passwords, also dressed up with digits and symbols', () => {
    for (const p of [
      '          ',
      'aaaaaaaaaaaa',
      'password123',
      '1234567890',
      'Password2024!',
      'qwertyuiop',
      'Sommer2025!!',
      'kodeord1234',
      'Adgangskode1',
    ])
      expect(isCommonPassword(p), p).toBe(true);
    for (const p of ['correct horse battery', 'mit eget kodeord', 'Gule-Æbler-I-Roskilde', 'tre tilfældige ord her'])
      expect(isCommonPassword(p), p).toBe(false);
  });

  it('is part of the rule for every new password, with its own message', () => {
    expect(fields.newPassword.safeParse('          ').error?.issues[0]?.message).toBe('validation.password_common');
    expect(fields.newPassword.safeParse('password1234').error?.issues[0]?.message).toBe('validation.password_common');
    expect(fields.newPassword.safeParse('kort').error?.issues[0]?.message).toBe('validation.password_short');
    expect(fields.newPassword.safeParse('correct horse battery').success).toBe(true);
  });
});
