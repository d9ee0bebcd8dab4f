import { vi } from 'vitest';

export const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const refusal = (status: number, code: string, fields?: Record<string, string>) => json(status, { error: { code, fields } });

type Answer = (body: unknown) => Response | Promise<Response>;

/**
 * The hub as a screen under test meets it, installed as the page's fetch: each path answered from
 * the table (a path not in it, or every path when `reachable` is false, is a network failure),
 * every request recorded with its JSON body.
 */
export function fakeHub(answers: Record<string, Answer> = {}) {
	const hub = {
		reachable: true,
		answers,
		requests: [] as { path: string; body: unknown }[]
	};
	vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
		const body: unknown = init.body === undefined ? undefined : JSON.parse(String(init.body));
		hub.requests.push({ path, body });
		const answer = hub.answers[path];
		if (!hub.reachable || answer === undefined) throw new TypeError('Failed to fetch');
		return answer(body);
	});
	return hub;
}
