/**
 * Checks every request gets before any route runs (hooks.server.ts): what the router itself would
 * otherwise refuse in its own words, or let through to the database.
 */

/** The path as the router decodes it, or undefined when it is not valid percent-encoding (`%E0%A4%`). */
export function decodedPath(pathname: string): string | undefined {
	try {
		return decodeURI(pathname);
	} catch {
		return undefined;
	}
}

/**
 * A path or query no route can take: not valid percent-encoding, or holding a NUL character
 * (`%00`), which PostgreSQL refuses in any text and SQLite would store.
 */
export function isUnusableUrl(url: URL): boolean {
	const path = decodedPath(url.pathname);
	if (path === undefined || path.includes('\0') || /%00/i.test(url.pathname)) return true;
	try {
		return [...url.searchParams].some(([name, value]) => name.includes('\0') || value.includes('\0'));
	} catch {
		return true;
	}
}

const FORM_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const CHANGING_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * A form another site's page could send (a form content type, a changing method) that does not
 * come from this hub's own origin: refused, as SvelteKit's own check would (svelte.config.js hands
 * the check to the hook, so the kiosk API can refuse it in JSON like every other bad request).
 */
export function isCrossSiteForm(request: Request, url: URL): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	return CHANGING_METHODS.includes(request.method) && FORM_CONTENT_TYPES.includes(type) && request.headers.get('origin') !== url.origin;
}

/**
 * Reads a form post's fields; undefined when the body is not a form at all, or a field holds a
 * NUL character (no field takes one, and PostgreSQL refuses it in any text).
 */
export async function formFields(request: Request): Promise<FormData | undefined> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return undefined;
	}
	for (const [name, value] of form) {
		if (name.includes('\0') || (typeof value === 'string' && value.includes('\0'))) return undefined;
	}
	return form;
}
