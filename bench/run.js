// `npm run bench`: bill payments per second (bench/bill-payments.js, which takes the options and
// builds when the sources are newer), then how fast a kiosk's outbox drains (bench/outbox-drain.js).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const run = (script, args) => spawnSync(process.execPath, [path.join(here, script), ...args], { stdio: 'inherit' }).status ?? 1;

const payments = run('bill-payments.js', process.argv.slice(2));
if (process.argv.includes('--help') || process.argv.includes('-h')) process.exit(payments);
const drain = run('outbox-drain.js', []);
process.exitCode = payments || drain;
