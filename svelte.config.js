import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// The demo data lives outside the hub library (src/lib/server never imports it): the
		// start-up hook seeds it, tests and benches use it.
		alias: { $demo: 'src/demo' },
		// Cross-site form posts are refused by the server hook (src/lib/server/api/requests.ts), with
		// the same rule as SvelteKit's own check, so that the kiosk API can say so in JSON.
		csrf: { trustedOrigins: ['*'] },
		// The kiosk's version is the package's: the hub compares it with the fleet's current one.
		version: { name: version },
		// The kiosk registers its service worker through workbox-window, which runs the update
		// lifecycle (a new version activates only between citizens).
		serviceWorker: { register: false },
		// The service worker answers every kiosk address with one cached HTML shell, so its asset
		// URLs must be absolute (a relative ./_app under /hi/menu/… would miss the cache).
		paths: { relative: false },
		// A kiosk runs unattended in public: allow only our own code, plus the Aadhaar RD Service
		// that listens on the kiosk's own loopback ports 11100-11120.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self', 'http://127.0.0.1:*'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
