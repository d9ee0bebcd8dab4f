// Brings a fresh clone up to what `npm start` and `npm test` need. Node built-ins only: this runs
// before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Runs a command in the project folder, streaming its output; exits the process if it fails. */
export function run(command, args, options = {}) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status ?? 1);
	}
}

function checkNode() {
	const [major, minor] = process.versions.node.split('.').map(Number);
	if (major < 20 || (major === 20 && minor < 19)) {
		console.error(`e-Mitra+ needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
		process.exit(1);
	}
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** npm records what it installed in node_modules/.package-lock.json; older than the manifests means stale. */
function installDependencies() {
	const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
	const wanted = Math.max(mtime(path.join(root, 'package.json')), mtime(path.join(root, 'package-lock.json')));
	if (installed >= wanted && installed > 0) return;
	console.log('→ Installing dependencies (npm install)…');
	run('npm', ['install', '--no-audit', '--no-fund']);
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function canSudo() {
	try {
		execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Playwright cannot download browsers here, so the tests use Debian's Chromium. */
function installChromium() {
	if (existsSync(chromiumPath)) return;
	const prefix = isRoot() ? [] : canSudo() ? ['sudo', '-n'] : undefined;
	if (!prefix) {
		console.error(
			`The browser tests need Chromium at ${chromiumPath}.\n` +
				'Install it with:  sudo apt-get install -y chromium\n' +
				'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
		);
		process.exit(1);
	}
	const apt = (args) => {
		const [command, ...rest] = [...prefix, 'apt-get', ...args];
		return spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
	};
	console.log('→ Installing Debian’s Chromium for the browser tests…');
	if (!apt(['install', '-y', '--no-install-recommends', 'chromium'])) {
		if (!apt(['update']) || !apt(['install', '-y', '--no-install-recommends', 'chromium'])) {
			console.error('Could not install Chromium with apt-get.');
			process.exit(1);
		}
	}
}

/** `setup({ browser: true })` also makes sure the test browser is there. */
export function setup({ browser = false } = {}) {
	checkNode();
	installDependencies();
	if (browser) installChromium();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) setup({ browser: process.argv.includes('--browser') });
