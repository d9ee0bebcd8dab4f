// `npm test`: everything CI runs: type check, format and lint, the dependency rule, unit and hub tests (SQLite and
// PostgreSQL), a production build, the built hub over HTTP on both engines (tests/hub:
// authorization through the router, limits under parallel attempts, and a short fuzz of every
// endpoint; `npm run fuzz` is the long one), and the browser tests in Debian's Chromium on the
// same build. Prints how long each step and the whole run took.
import { run, setup } from './setup.js';

const started = Date.now();
setup({ browser: true });

const steps = [
	['Type check', 'npx', ['svelte-kit', 'sync']],
	['Type check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']],
	['Format (Prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
	['Lint (ESLint)', 'npx', ['eslint', '.']],
	[
		'Dependency rule (kiosk / contract / hub)',
		'npx',
		['depcruise', 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']
	],
	['Unit and hub tests', 'npx', ['vitest', 'run']],
	['Production build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
	['Hub over HTTP', 'npx', ['vitest', 'run', '-c', 'vitest.hub.config.ts']],
	['Browser tests', 'npx', ['playwright', 'test']]
];

const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;
const times = [];
for (const [title, command, args] of steps) {
	console.log(`\n━━ ${title}: ${command} ${args.join(' ')}`);
	const stepStarted = Date.now();
	run(command, args);
	times.push(`${title}: ${seconds(stepStarted)}`);
}
console.log(`\n${times.join('\n')}\n✓ All tests passed in ${seconds(started)}`);
