import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/platform/http/security-headers.ts';

describe('securityHeaders', () => {
  it("gives Helmet's headers for the options, with HSTS only when asked", () => {
    const plain = securityHeaders({
      contentSecurityPolicy: { directives: { scriptSrc: ["'self'"], frameAncestors: ["'none'"] } },
      strictTransportSecurity: false,
    });
    expect(plain['content-security-policy']).toMatch(/script-src 'self'/);
    expect(plain['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(plain['x-content-type-options']).toBe('nosniff');
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(securityHeaders({ strictTransportSecurity: true })['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
