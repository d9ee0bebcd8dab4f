// `npm run fuzz`: the hub fuzz at full strength (tests/hub/fuzz.spec.ts): 1,000 requests per
// endpoint on each database engine (FUZZ_CASES to change it, FUZZ_SEED to replay a run), against
// the production build, which is made first when the sources are newer than it. Arguments go to
// vitest, e.g. `npm run fuzz -- -t payments` for the payment endpoints only.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { root, run, setup } from './setup.js';

setup();

/** The newest modification time of a file or of anything under a folder. */
function newest(entry) {
	const full = path.join(root, entry);
	if (!existsSync(full)) return 0;
	if (!statSync(full).isDirectory()) return statSync(full).mtimeMs;
	return readdirSync(full, { recursive: true, withFileTypes: true })
		.filter((item) => item.isFile())
		.reduce((latest, item) => Math.max(latest, statSync(path.join(item.parentPath, item.name)).mtimeMs), 0);
}

// What the build is made of: the app, its static files and words, and the settings that shape it.
const sources = ['src', 'static', 'messages', 'package.json', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];
const built = newest(path.join('build', 'index.js'));
if (built === 0 || Math.max(...sources.map(newest)) > built) {
	console.log('\n━━ Production build (the sources are newer than build/): npx vite build');
	run('npx', ['vite', 'build', '--logLevel', 'warn']);
}

const cases = process.env.FUZZ_CASES ?? '1000';
console.log(`\n━━ Hub fuzz: ${cases} cases per endpoint on each engine`);
run('npx', ['vitest', 'run', '-c', 'vitest.hub.config.ts', 'tests/hub/fuzz.spec.ts', ...process.argv.slice(2)], {
	env: { ...process.env, FUZZ_CASES: cases }
});
