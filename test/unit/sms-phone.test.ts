import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.ts';
import { normalisePhone } from '../../src/platform/sms/phone.ts';

describe('phone numbers for text messages (#18)', () => {
  it('reads Danish numbers as +45 and 8 digits, however they are written', () => {
    for (const written of ['20304050', '20 30 40 50', '+45 20 30 40 50', '004520304050', '+45-2030-4050', ' (+45) 2030 4050 '])
      expect(normalisePhone(written), written).toBe('+4520304050');
  });

  it('reads Swedish numbers only with +46 or 0046, dropping the national 0', () => {
    expect(normalisePhone('+46 70 123 45 67')).toBe('+46701234567');
    expect(normalisePhone('+46 (0)70-123 45 67')).toBe('+46701234567');
    expect(normalisePhone('0046 8 123 456')).toBe('+468123456');
  });

  it('refuses what it cannot read', () => {
    for (const bad of ['', '1234567', '123456789', '02030405', '+4512', '070-123 45 67', '+47 412 34 567', 'tlf. 20304050', '+45203040501'])
      expect(normalisePhone(bad), bad).toBeUndefined();
  });
});

describe('SMS gateway configuration', () => {
  it('is off by default (texts go to the development outbox) and needs URL and token together', () => {
    expect(loadConfig({}).sms).toBeUndefined();
    expect(loadConfig({ SMS_GATEWAY_URL: 'https://sms.example/v1/messages', SMS_GATEWAY_TOKEN: 'secret-token' }).sms).toEqual({
      url: 'https://sms.example/v1/messages',
      token: 'secret-token',
      sender: 'NExTWORK',
    });
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'https://sms.example/v1/messages' })).toThrow(
      'Invalid configuration: SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN go together (the gateway and its bearer token)',
    );
    expect(() => loadConfig({ SMS_GATEWAY_URL: 'http://sms.example', SMS_GATEWAY_TOKEN: 'secret-token' })).toThrow(
      'Invalid configuration: SMS_GATEWAY_URL must be an https:// URL (http:// only for localhost) (got "http://sms.example")',
    );
    expect(() => loadConfig({ SMS_SENDER: 'Roskilde Kommune' })).toThrow(
      /^Invalid configuration: SMS_SENDER must be 1–11 letters or digits/,
    );
    expect(
      loadConfig({ SMS_GATEWAY_URL: 'https://sms.example', SMS_GATEWAY_TOKEN: 'secret-token', SMS_SENDER: 'Roskilde' }).sms?.sender,
    ).toBe('Roskilde');
  });
});
