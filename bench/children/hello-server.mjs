import { createServer } from 'node:http';

// Cold-start baseline: plain Node answering 200 with nothing else loaded (JavaScript, so no compile step).
createServer((_req, res) => res.end('{"status":"ok"}')).listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
