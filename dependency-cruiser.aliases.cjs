// The aliases SvelteKit resolves (`$lib`, and `$demo` from svelte.config.js), for the dependency rule (.dependency-cruiser.cjs).
const path = require('node:path');

module.exports = {
	resolve: { alias: { $lib: path.resolve(__dirname, 'src/lib'), $demo: path.resolve(__dirname, 'src/demo') } }
};
