// `npm test`: everything CI runs: type check, format and lint, the dependency rule, unit, component
// and hub-library tests (SQLite and PostgreSQL), a production build, the built hub over HTTP on both
// engines (tests/hub: authorization through the real router, limits under parallel attempts, a
// short fuzz of every endpoint; `npm run fuzz` is the long one), and the browser tests in Debian's
// Chromium on the same build. Prints how long each step and the whole run took.
//
// Steps that do not depend on each other run side by side, two at a time (the checks are single
// threaded; the machine this must fit has two cores): type check, build and the hub over HTTP
// in one lane, format, lint, the dependency rule and the unit tests in the other. A step's output is printed whole when it ends, so lanes do not mix.
import { spawn } from 'node:child_process';
import { root, setup } from './setup.js';

const started = Date.now();
setup({ browser: true });

/** @typedef {{ title: string, command: string, args: string[] }} Step */
/** @type {(title: string, command: string, ...args: string[]) => Step} */
const step = (title, command, ...args) => ({ title, command, args });

const typeCheck = [
	step('Type check: svelte-kit sync', 'npx', 'svelte-kit', 'sync'),
	step('Type check', 'npx', 'svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings', '--output', 'human')
];
const lint = [
	step('Format (Prettier)', 'npx', 'prettier', '--check', '.', '--log-level', 'warn'),
	step('Lint (ESLint)', 'npx', 'eslint', '.'),
	step(
		'Dependency rule (kiosk / contract / hub)',
		'npx',
		'depcruise',
		'src',
		'--config',
		'.dependency-cruiser.cjs',
		'--output-type',
		'err'
	)
];
const unitTests = [step('Unit, component and hub-library tests', 'npx', 'vitest', 'run')];
const build = [step('Production build', 'npx', 'vite', 'build', '--logLevel', 'warn')];
const hubOverHttp = [step('Hub over HTTP', 'npx', 'vitest', 'run', '-c', 'vitest.hub.config.ts')];
const browser = [step('Browser tests', 'npx', 'playwright', 'test')];

const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;
const times = [];

/** Runs one step; beside another lane its output is kept until it ends. Resolves with whether it passed. */
function runStep({ title, command, args }, alone) {
	return new Promise((resolve) => {
		const stepStarted = Date.now();
		if (alone) process.stdout.write(`\n━━ ${title}: ${command} ${args.join(' ')}\n`);
		const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '1' }, stdio: alone ? 'inherit' : 'pipe' });
		const output = [];
		child.stdout?.on('data', (chunk) => output.push(chunk));
		child.stderr?.on('data', (chunk) => output.push(chunk));
		child.on('close', (code, signal) => {
			const passed = code === 0;
			if (!alone) process.stdout.write(`\n━━ ${title}: ${command} ${args.join(' ')} (${seconds(stepStarted)})\n`);
			process.stdout.write(Buffer.concat(output));
			if (!passed) console.error(`\n✗ ${title} failed (exit ${code ?? signal})`);
			times.push(`${title}: ${seconds(stepStarted)}`);
			resolve(passed);
		});
	});
}

/** Runs a lane's steps one after another; stops at the first that fails. */
async function runLane(steps, alone) {
	for (const one of steps) if (!(await runStep(one, alone))) return false;
	return true;
}

/** Lanes side by side; the run stops when any fails. */
async function together(...lanes) {
	const results = await Promise.all(lanes.map((lane) => runLane(lane, lanes.length === 1)));
	if (results.includes(false)) {
		console.log(`\n${times.join('\n')}\n✗ npm test failed after ${seconds(started)}`);
		process.exit(1);
	}
}

// The browser tests run alone: they are the step a busy machine makes flaky.
await together([...typeCheck, ...build, ...hubOverHttp], [...lint, ...unitTests]);
await together(browser);
console.log(`\n${times.join('\n')}\n✓ All tests passed in ${seconds(started)}`);
