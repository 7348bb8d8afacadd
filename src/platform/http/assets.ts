import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/**
 * The static files (DKFDS's CSS, JavaScript, fonts and icons; our own `public/`), served from
 * memory. Each file is read once, on first use, and kept with its content hash; a compressible
 * file is compressed once (brotli and gzip, off the event loop) and then served compressed to
 * clients that accept it. Pages link the files with `?v=<hash>` (`assetUrl`), so those responses
 * may be cached for a year (`immutable`); a file asked for without the current hash — a CSS
 * file's fonts and icons, or an old page after a deploy — is cached briefly and revalidated by
 * ETag. No session, locale or CSRF work runs for these requests (server.ts), and they are not
 * logged one by one.
 */

export interface AssetMount {
  /** URL prefix, ending with a slash. */
  prefix: string;
  dir: string;
  /** How long a file asked for without its hash may be cached. */
  maxAgeSeconds: number;
}

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  /** The first 16 hex digits of the content's SHA-256: the `v` in its URL. */
  version: string;
  maxAgeSeconds: number;
  /** A text format large enough to gain from compression. */
  compressible: boolean;
  br?: Buffer;
  gzip?: Buffer;
  compressing?: boolean;
}

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.txt': 'text/plain; charset=utf-8',
};
const compressible = new Set(['.css', '.js', '.mjs', '.map', '.json', '.svg', '.txt', '.ttf', '.eot']);
/** Smaller files gain nothing from compression worth a header. */
const minCompressBytes = 1024;
/** Memory the cache may hold; beyond it files are read from disk at each request. */
const maxCachedBytes = 64 * 1024 * 1024;

const root = fileURLToPath(new URL('../../..', import.meta.url));

export const defaultMounts: AssetMount[] = [
  { prefix: '/assets/dkfds/', dir: path.join(root, 'node_modules/dkfds/dist'), maxAgeSeconds: 86_400 },
  { prefix: '/assets/', dir: path.join(root, 'public'), maxAgeSeconds: 3_600 },
];

export class Assets {
  private readonly cache = new Map<string, Asset>();
  private cachedBytes = 0;

  constructor(readonly mounts: AssetMount[] = defaultMounts) {}

  /** The file behind a URL path, or undefined when the path leaves its folder or names no file. */
  private locate(urlPath: string): { file: string; mount: AssetMount } | undefined {
    // Longest prefix first: /assets/dkfds/ before /assets/.
    const mount = [...this.mounts].sort((a, b) => b.prefix.length - a.prefix.length).find((m) => urlPath.startsWith(m.prefix));
    if (!mount) return undefined;
    let relative: string;
    try {
      relative = decodeURIComponent(urlPath.slice(mount.prefix.length));
    } catch {
      return undefined;
    }
    if (relative === '' || relative.includes('\0') || relative.split('/').some((part) => part.startsWith('.'))) return undefined;
    const file = path.join(mount.dir, relative);
    if (!file.startsWith(mount.dir + path.sep)) return undefined;
    return { file, mount };
  }

  private remember(urlPath: string, mount: AssetMount, file: string, body: Buffer): Asset {
    const ext = path.extname(file).toLowerCase();
    const asset: Asset = {
      body,
      type: types[ext] ?? 'application/octet-stream',
      compressible: compressible.has(ext) && body.length >= minCompressBytes,
      version: createHash('sha256').update(body).digest('hex').slice(0, 16),
      etag: '',
      maxAgeSeconds: mount.maxAgeSeconds,
    };
    asset.etag = `"${asset.version}"`;
    if (this.cachedBytes + body.length <= maxCachedBytes) {
      this.cache.set(urlPath, asset);
      this.cachedBytes += body.length;
    }
    return asset;
  }

  /** The asset at a URL path (read from disk the first time), or undefined. */
  async get(urlPath: string): Promise<Asset | undefined> {
    const cached = this.cache.get(urlPath);
    if (cached) return cached;
    const found = this.locate(urlPath);
    if (!found) return undefined;
    const body = await fs.promises.readFile(found.file).catch(() => undefined); // not found, or a folder
    return body && this.remember(urlPath, found.mount, found.file, body);
  }

  /** The URL a page links: the path with the content's hash, so browsers may keep it for a year. */
  url(urlPath: string): string {
    let asset = this.cache.get(urlPath);
    if (!asset) {
      const found = this.locate(urlPath);
      if (!found) throw new Error(`no asset at ${urlPath}`);
      asset = this.remember(urlPath, found.mount, found.file, fs.readFileSync(found.file));
    }
    return `${urlPath}?v=${asset.version}`;
  }

  /**
   * The body to send for an Accept-Encoding header: brotli or gzip once compressed, else the file
   * itself. The first request for a compressible file starts its compression in the background.
   */
  encoded(asset: Asset, acceptEncoding: string | undefined): { body: Buffer; encoding?: 'br' | 'gzip' } {
    const accepted = acceptedEncodings(acceptEncoding);
    if (asset.br && accepted.has('br')) return { body: asset.br, encoding: 'br' };
    if (asset.gzip && accepted.has('gzip')) return { body: asset.gzip, encoding: 'gzip' };
    if (asset.compressible && !asset.br && !asset.compressing) void this.compress(asset).catch(() => undefined); // served plain then
    return { body: asset.body };
  }

  /** Compresses an asset now (tests and warm-up); resolves when both encodings are ready. */
  async compress(asset: Asset): Promise<void> {
    if (asset.br || !asset.compressible) return;
    asset.compressing = true;
    try {
      const [br, gzip] = await Promise.all([
        new Promise<Buffer>((resolve, reject) =>
          zlib.brotliCompress(
            asset.body,
            { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: asset.body.length } },
            (err, out) => (err ? reject(err) : resolve(out)),
          ),
        ),
        new Promise<Buffer>((resolve, reject) => zlib.gzip(asset.body, { level: 9 }, (err, out) => (err ? reject(err) : resolve(out)))),
      ]);
      // Only worth it when smaller.
      if (br.length < asset.body.length) asset.br = br;
      if (gzip.length < asset.body.length) asset.gzip = gzip;
    } finally {
      asset.compressing = false;
    }
  }
}

/** The encodings an Accept-Encoding header accepts (those not given q=0). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted;
}

/** Serves every mount's files (GET and HEAD), without per-request log lines. */
export function serveAssets(app: FastifyInstance, assets: Assets): void {
  for (const mount of assets.mounts) {
    app.get(`${mount.prefix}*`, { logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
      const [urlPath = '', query = ''] = request.url.split('?', 2);
      const asset = await assets.get(urlPath);
      if (!asset) return reply.callNotFound();
      const current = new URLSearchParams(query).get('v') === asset.version;
      reply.header('cache-control', current ? 'public, max-age=31536000, immutable' : `public, max-age=${asset.maxAgeSeconds}`);
      reply.header('etag', asset.etag);
      reply.header('vary', 'accept-encoding');
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      const { body, encoding } = assets.encoded(asset, request.headers['accept-encoding']);
      if (encoding) reply.header('content-encoding', encoding);
      return reply.type(asset.type).send(body);
    });
  }
}

/** The one set of assets the pages link and the server serves. */
export const assets = new Assets();

/** A page's link to an asset, with its content hash (`/assets/app.css?v=…`). */
export const assetUrl = (urlPath: string) => assets.url(urlPath);
