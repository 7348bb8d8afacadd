import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Assets, acceptedEncodings, assetUrl, assets as siteAssets, serveAssets } from '../../src/platform/http/assets.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nextwork-assets-'));
const css = `body { color: #1a1a1a; }\n${'.x { margin: 0 }\n'.repeat(200)}`;
let app: FastifyInstance;
let assets: Assets;

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'site.css'), css);
  fs.writeFileSync(path.join(dir, 'tiny.js'), 'let a = 1;\n');
  fs.writeFileSync(path.join(dir, '.secret'), 'no');
  fs.mkdirSync(path.join(dir, 'fonts'));
  fs.writeFileSync(path.join(dir, 'fonts', 'a.woff2'), Buffer.from([1, 2, 3]));
  fs.writeFileSync(path.join(os.tmpdir(), 'outside.txt'), 'outside');
  assets = new Assets([{ prefix: '/static/', dir, maxAgeSeconds: 60 }]);
  app = Fastify({ logger: false });
  serveAssets(app, assets);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('static files from memory (#21)', () => {
  it('a linked file carries its content hash and may be kept for a year; without the hash only briefly', async () => {
    const url = assets.url('/static/site.css');
    expect(url).toMatch(/^\/static\/site\.css\?v=[0-9a-f]{16}$/);
    const linked = await app.inject({ url });
    expect(linked.statusCode).toBe(200);
    expect(linked.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(linked.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(linked.body).toBe(css);
    const bare = await app.inject({ url: '/static/site.css' });
    expect(bare.headers['cache-control']).toBe('public, max-age=60');
    const stale = await app.inject({ url: '/static/site.css?v=0000000000000000' });
    expect(stale.headers['cache-control']).toBe('public, max-age=60');
    expect(bare.headers.etag).toBe(`"${url.split('=')[1]}"`);
    const again = await app.inject({ url: '/static/site.css', headers: { 'if-none-match': bare.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('compresses a text file once and then sends brotli or gzip to clients that take it', async () => {
    const first = await app.inject({ url: '/static/site.css', headers: { 'accept-encoding': 'br, gzip' } });
    expect(first.headers.vary).toBe('accept-encoding');
    const asset = (await assets.get('/static/site.css'))!;
    await assets.compress(asset);
    const br = await app.inject({ url: '/static/site.css', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(css);
    expect(br.rawPayload.length).toBeLessThan(css.length / 5);
    const gz = await app.inject({ url: '/static/site.css', headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(css);
    const plain = await app.inject({ url: '/static/site.css', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(css);
    // Too small to gain: never compressed.
    const tiny = (await assets.get('/static/tiny.js'))!;
    await assets.compress(tiny);
    expect(
      (await app.inject({ url: '/static/tiny.js', headers: { 'accept-encoding': 'br' } })).headers['content-encoding'],
    ).toBeUndefined();
  });

  it('serves nothing outside its folder, no dotfiles, no folders', async () => {
    for (const url of [
      '/static/../outside.txt',
      '/static/..%2foutside.txt',
      '/static/%2e%2e/outside.txt',
      '/static/.secret',
      '/static/fonts',
      '/static/',
      '/static/nope.css',
      '/static/a%00.css',
    ]) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
    // Not even a URL: the router refuses it before us.
    expect((await app.inject({ url: '/static/%E0%A4%A' })).statusCode).toBe(400);
    const font = await app.inject({ url: '/static/fonts/a.woff2' });
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
  });

  it('reads Accept-Encoding as browsers send it', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')]).toEqual(['gzip', 'deflate', 'br', 'zstd']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });

  it('the site links DKFDS and its own files by hash, and serves them', async () => {
    const site = Fastify({ logger: false });
    serveAssets(site, siteAssets);
    try {
      for (const file of ['/assets/dkfds/css/dkfds.min.css', '/assets/app.css', '/assets/dkfds/js/dkfds.min.js']) {
        const res = await site.inject({ url: assetUrl(file) });
        expect(res.statusCode, file).toBe(200);
        expect(res.headers['cache-control']).toContain('immutable');
      }
      // A font the DKFDS stylesheet names relatively, without a hash.
      const stylesheet = fs.readFileSync(path.join(import.meta.dirname, '../../node_modules/dkfds/dist/css/dkfds.min.css'), 'utf8');
      const font = /url\(["']?\.\.\/([^"')?#]+\.woff2)/.exec(stylesheet)?.[1];
      expect(font).toBeDefined();
      expect((await site.inject({ url: `/assets/dkfds/${font}` })).statusCode).toBe(200);
    } finally {
      await site.close();
    }
  });
});
