// `npm test`: everything CI runs: type check, unit and hub tests (SQLite and PostgreSQL), a
// production build, and the browser tests in Debian's Chromium.
import { run, setup } from './setup.js';

setup({ browser: true });

const steps = [
	['Type check', 'npx', ['svelte-kit', 'sync']],
	['Type check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human']],
	['Unit and hub tests', 'npx', ['vitest', 'run']],
	['Production build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
	['Browser tests', 'npx', ['playwright', 'test']]
];

for (const [title, command, args] of steps) {
	console.log(`\n━━ ${title}: ${command} ${args.join(' ')}`);
	run(command, args);
}
console.log('\n✓ All tests passed');
