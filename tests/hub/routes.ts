// The hub's routes as the source tree declares them (src/routes), so that a route added later is
// tested without anyone remembering to list it here: the programme office's pages, their data
// requests and form actions, and every API endpoint with the methods it exports.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const routesFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/routes');

/** Every file under a folder of src/routes, as paths relative to src/routes with `/` separators. */
function routeFiles(under: string): string[] {
	return readdirSync(path.join(routesFolder, under), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(routesFolder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const source = (file: string) => readFileSync(path.join(routesFolder, file), 'utf8');

/** A route folder without its (group) segments: `admin/[lang=locale]/machines`. */
const routeId = (folder: string) =>
	folder
		.split('/')
		.filter((segment) => !/^\(.*\)$/.test(segment))
		.join('/');

/**
 * The values a route parameter takes in these tests. A parameter not named here fails loudly:
 * a new admin route must be taught to the test, never skipped.
 */
function expand(id: string, values: (parameter: string, file: string) => string[] | undefined, file: string): string[] {
	let paths = [''];
	for (const segment of id.split('/')) {
		const parameter = /^\[(?:\.\.\.)?([^\]=]+)(?:=[^\]]+)?\]$/.exec(segment)?.[1];
		const choices = parameter === undefined ? [segment] : values(parameter, file);
		if (!choices) throw new Error(`src/routes/${file}: no test values for the parameter [${parameter}]`);
		paths = paths.flatMap((prefix) => choices.map((choice) => `${prefix}/${choice}`));
	}
	return paths;
}

export interface AdminRequest {
	method: 'GET' | 'POST';
	/** The path with its search, as a browser sends it: `/admin/en/machines?/revoke`. */
	path: string;
	/** What it is, for messages: "page", "data", "action revoke", "export". */
	kind: string;
}

/** The programme office's one public route; everything else under /admin needs its session. */
const ADMIN_LOGIN = 'admin/[lang=locale]/login';

/** The names of a +page.server.ts's form actions (`export const actions = { logout: …, … }`). */
function actionNames(file: string): string[] {
	const text = source(file);
	const block = /export const actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(text)?.[1];
	if (block === undefined) return [];
	return [...block.matchAll(/^\t(\w+):/gm)].map((match) => match[1]!);
}

/** The list names a `[list]` export route accepts (`const LISTS = { unmapped: …, … }`). */
function listNames(file: string): string[] | undefined {
	const block = /const LISTS = \{([^}]*)\}/.exec(source(file))?.[1];
	return block === undefined ? undefined : [...block.matchAll(/(\w+):/g)].map((match) => match[1]!);
}

/**
 * Every request that reaches programme office code: each page (GET), its data request
 * (`<page>/__data.json`), each form action (POST `<page>?/<name>`), and each endpoint (GET), in
 * both languages. The login page is left out: it is meant to answer anyone.
 */
export function adminRequests(): AdminRequest[] {
	const values = (parameter: string, file: string) =>
		parameter === 'lang' ? ['en', 'hi'] : parameter === 'list' ? listNames(file) : undefined;
	const requests: AdminRequest[] = [];
	for (const file of routeFiles('admin')) {
		const folder = path.posix.dirname(file);
		const id = routeId(folder);
		if (id === ADMIN_LOGIN) continue;
		const name = path.posix.basename(file);
		for (const page of expand(id, values, file)) {
			// Both files may exist for one page; it is listed once, from whichever comes first.
			const listed = requests.some((request) => request.path === page && request.kind === 'page');
			if ((name === '+page.svelte' || name === '+page.server.ts') && !listed) {
				requests.push({ method: 'GET', path: page, kind: 'page' });
				requests.push({ method: 'GET', path: `${page}/__data.json`, kind: 'data' });
			}
			if (name === '+page.server.ts') {
				for (const action of actionNames(file)) {
					requests.push({ method: 'POST', path: action === 'default' ? page : `${page}?/${action}`, kind: `action ${action}` });
				}
			}
			if (name === '+server.ts') {
				for (const method of exportedMethods(file)) {
					if (method === 'GET' || method === 'POST') requests.push({ method, path: page, kind: 'endpoint' });
				}
			}
		}
	}
	return requests;
}

export interface ApiRoute {
	/** The route as written in src/routes: `/api/v1/payments/[id]/notes`. */
	id: string;
	/** The HTTP methods its +server.ts exports (`fallback` answers every method). */
	methods: string[];
}

/** The request handlers a +server.ts exports. */
function exportedMethods(file: string): string[] {
	return [...source(file).matchAll(/^export const (GET|POST|PUT|PATCH|DELETE|OPTIONS|HEAD|fallback)\b/gm)].map((match) => match[1]!);
}

/** Every endpoint under src/routes/<folder> (e.g. `api/v1`), with the methods it answers. */
export function apiRoutes(folder = 'api/v1'): ApiRoute[] {
	return routeFiles(folder)
		.filter((file) => path.posix.basename(file) === '+server.ts')
		.map((file) => ({ id: `/${routeId(path.posix.dirname(file))}`, methods: exportedMethods(file) }))
		.sort((a, b) => a.id.localeCompare(b.id));
}
