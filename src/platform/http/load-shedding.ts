import type { FastifyInstance } from 'fastify';

const SHED_PAGE = `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Travlt lige nu – nextwork</title></head><body><main><h1>Der er travlt lige nu</h1><p>Prøv igen om et øjeblik. Intet er gemt eller ændret.</p><p lang="en">Busy right now: try again in a moment. Nothing was saved or changed.</p></main></body></html>`;

/** Paths that never wait on the database: always served. */
const exempt = (url: string) => url.startsWith('/assets/') || url === '/health';

/**
 * Load shedding (#19.13): at most `maxInFlight` requests are worked on at once; the rest are
 * answered at once with 503 and Retry-After, before any session lookup or query, so under a flood
 * the server keeps answering — some quickly with "busy", the admitted ones in normal time —
 * instead of queueing everyone behind the database pool until all time out.
 */
export function registerLoadShedding(app: FastifyInstance, maxInFlight: number): void {
  let inFlight = 0;
  app.addHook('onRequest', (request, reply, done) => {
    if (exempt(request.url)) return done();
    if (inFlight >= maxInFlight) {
      reply.code(503).header('retry-after', '1').header('cache-control', 'no-store');
      if (request.url.startsWith('/api/'))
        reply.send({ error: { code: 'unavailable', message: 'Der er travlt lige nu. Prøv igen om et øjeblik.' } });
      else reply.type('text/html; charset=utf-8').send(SHED_PAGE);
      return;
    }
    inFlight++;
    // 'close' comes once for every response, sent or abandoned by the client.
    reply.raw.once('close', () => inFlight--);
    done();
  });
}
