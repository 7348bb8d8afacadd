import Fastify from 'fastify';

// The floor to compare against: a bare Fastify route in its own process.
const app = Fastify({ logger: false });
app.get('/bare', () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
