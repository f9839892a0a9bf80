// The anchor: a bare Fastify 5 hello-world, same Node and same machine as SpareFlow.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/health/live', async () => ({ status: 'ok' }));
const address = await app.listen({ host: '127.0.0.1', port: Number(process.argv[2] ?? 0) });
console.log(`listening ${address}`);
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
