/**
 * `npm run serve` — serves the built site (dist/) on a local port and prints its URL, with the
 * security headers a host should send (src/security/content-policy.ts).
 *
 *   npm run serve -- [--port 4321] [--host 127.0.0.1] [--dir dist]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { securityHeaders } from '../src/security/content-policy.ts';
import { startStaticServer } from './lib/static-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PORT'] ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    dir: { type: 'string', default: 'dist' },
  },
});
const root = resolve(values.dir);
if (!existsSync(resolve(root, 'index.html'))) {
  console.error(`Pas de site construit dans ${root} : lancez d’abord « npm run build ».`);
  process.exit(1);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port attend un numéro de port, reçu « ${values.port} ».`);
  process.exit(1);
}
// The headers README « Deploying » recommends: the full policy, `frame-ancestors` included.
const server = await startStaticServer(root, port, values.host, {}, securityHeaders());
console.log(`Symbiose est servi sur ${server.url}  (Ctrl+C pour arrêter)`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}
