import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's response headers for these options, worked out once. (@fastify/helmet builds Helmet
 * again for every request — parsing the CSP directives each time — though without nonces the
 * headers never change.)
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  // Helmet 8 throws on bad options rather than passing an error on.
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  // Helmet sets no Permissions-Policy: the platform uses no camera, microphone, location or payment (#19.9).
  headers['permissions-policy'] = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';
  return headers;
}
