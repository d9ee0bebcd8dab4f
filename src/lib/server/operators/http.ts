import { json, type Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { handleApi } from '$lib/server/api/http';
import { getDatabase } from '$lib/server/db';
import type { Database, Kiosk } from '$lib/server/db/schema';
import { requireKiosk } from '$lib/server/fleet';
import { OPERATOR_COOKIE, requireConsoleSession, type ActiveSession } from './sessions';

/** What the console's endpoints need of SvelteKit's request event. */
export interface ConsoleRequestEvent {
	request: Request;
	url: URL;
	cookies: Cookies;
}

export interface ConsoleContext {
	db: Kysely<Database>;
	kiosk: Kiosk;
	active: ActiveSession;
	now: Date;
}

/**
 * An operator console endpoint: the machine proves itself with its kiosk token, and the operator
 * with their session cookie, which must belong to that machine and its current operator.
 */
export function consoleEndpoint(
	event: ConsoleRequestEvent,
	handler: (context: ConsoleContext) => Promise<unknown>,
	options: { allowLocked?: boolean } = {}
): Promise<Response> {
	return handleApi(async () => {
		const db = await getDatabase();
		const now = new Date();
		const kiosk = await requireKiosk(db, event.request, now);
		const active = await requireConsoleSession(db, event.cookies.get(OPERATOR_COOKIE), kiosk, now, options);
		const answer = await handler({ db, kiosk, active, now });
		return answer instanceof Response ? answer : json(answer);
	});
}
