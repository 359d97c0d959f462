import { startSandbox } from '@kinde-explorer/kinde-mock';

// The benchmark's Kinde: an ephemeral loopback port and no rate limit (10,000 sends in a row are the point).
const sandbox = await startSandbox({ host: '127.0.0.1', port: Number(process.env.BENCH_PORT ?? 0), rateLimit: null, spec: process.env.KINDE_SPEC ?? null });
process.stdout.write(`${JSON.stringify({ ready: true, url: sandbox.url })}\n`);

const stop = () => void sandbox.close().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
