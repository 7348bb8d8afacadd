import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type App } from '../../src/app/server.ts';
import { createServices } from '../../src/app/services.ts';
import { type Database, openPostgres } from '../../src/platform/db/client.ts';
import { driver } from '../support/db.ts';
import { type TestContext, createTestContext, makeMunicipality, makeUser } from '../support/context.ts';
import { Browser } from '../support/http.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const quiet = { sessionSecret: 's'.repeat(40), secureCookies: false, logLevel: 'silent', logger: false } as const;

describe('bounded waits (#19.12)', () => {
  it('a request body that arrives too slowly is cut off', async () => {
    const app = await buildServer(t.services, { ...quiet, requestTimeoutMs: 800 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = app.server.address() as net.AddressInfo;
      const started = performance.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(
            'POST /sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\nemail=',
          );
        });
        let got = '';
        socket.on('data', (d) => (got += String(d)));
        socket.on('close', () => resolve(got));
        socket.on('error', () => resolve(got));
      });
      const ms = performance.now() - started;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(ms).toBeLessThan(15_000); // 800 ms plus the server's check interval when idle; the point is that it ends
    } finally {
      await app.close();
    }
  });

  // A PostgreSQL server that stops answering (here: a proxy whose connections freeze).
  describe.runIf(driver === 'postgres')('a database that stops answering', () => {
    let database: Database;
    let app: App;
    let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
    beforeAll(async () => {
      const url = new URL(t.database.url!);
      proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      url.host = `127.0.0.1:${proxy.port}`;
      database = openPostgres(url.toString(), 2, { connectMs: 500, queryMs: 1_000, statementMs: 800 });
      const services = createServices(database, t.clock, {
        baseUrl: 'http://localhost:3000',
        smtpUrl: undefined,
        mailFrom: 'nextwork <test@nextwork.test>',
        demo: false,
        sessionIdleMinutes: 30,
        sessionAbsoluteHours: 12,
        dataKey: randomBytes(32),
      });
      app = await buildServer(services, quiet);
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
      await database.close().catch(() => {});
      await proxy.close();
    });

    it('answers 503 with Retry-After within about a second instead of hanging, and /health says so', async () => {
      const m = await makeMunicipality(t);
      const user = await makeUser(t, [{ role: 'team_leader', municipalityId: m.id }]);
      const b = new Browser(app);
      await b.signIn(user.email);
      expect((await b.get('/dashboard')).statusCode).toBe(200);
      proxy.freeze(true);
      let started = performance.now();
      const health = await b.get('/health');
      expect(performance.now() - started).toBeLessThan(10_000); // ~1 s when idle; before, it never answered
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ database: 'unreachable' });
      started = performance.now();
      const page = await b.get('/dashboard');
      expect(performance.now() - started).toBeLessThan(15_000); // ~1 s when idle; before, it hung while frozen
      expect(page.statusCode).toBe(503);
      expect(page.headers['retry-after']).toBe('10');
      expect(page.body).toContain('Vi kan ikke få fat i databasen lige nu');
      const api = await b.json('GET', '/api/v1/me');
      expect(api.statusCode).toBe(503);
      expect(api.json()).toMatchObject({ error: { code: 'unavailable' } });
    });
  });
});

describe('load shedding (#19.13)', () => {
  it('answers 503 at once beyond the limit, keeps /health, and admits again when work ends', async () => {
    const app = await buildServer(t.services, { ...quiet, maxConcurrentRequests: 2 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    // Two requests in progress: their bodies are still arriving.
    const slow = await Promise.all(
      [1, 2].map(
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => {
              socket.write(
                'POST /sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\ne',
              );
              setTimeout(() => resolve(socket), 200);
            });
            socket.on('error', () => {});
          }),
      ),
    );
    try {
      const started = performance.now();
      const busy = await fetch(`${base}/sign-in`);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(await busy.text()).toContain('Der er travlt lige nu');
      expect(performance.now() - started).toBeLessThan(5_000); // at once when idle, before any session lookup
      expect((await fetch(`${base}/api/v1/me`)).status).toBe(503);
      expect((await fetch(`${base}/health`)).status).toBe(200);
      for (const s of slow) s.destroy();
      await new Promise((r) => setTimeout(r, 100));
      expect((await fetch(`${base}/sign-in`)).status).toBe(200);
      expect((await fetch(`${base}/sign-in`)).status).toBe(200);
    } finally {
      for (const s of slow) s.destroy();
      await app.close();
    }
  });
});
