import { callHub } from '$lib/machine/hub';
import { OPERATOR_API_PATHS, type OperatorSessionView } from '$lib/contract';

export type ConsoleAccess =
	| { kind: 'open'; session: OperatorSessionView }
	/** Logged in but the console is locked, or no PIN is set yet: the PIN screen. */
	| { kind: 'pin'; session: OperatorSessionView }
	| { kind: 'login' };

/** Where the operator stands on this machine: the hub decides (the kiosk token and the session cookie). */
export async function consoleAccess(fetchImpl: typeof fetch): Promise<ConsoleAccess> {
	const answer = await callHub<OperatorSessionView>(fetchImpl, OPERATOR_API_PATHS.session);
	if (answer.kind !== 'ok') return { kind: 'login' };
	const session = answer.body;
	return session.locked || !session.pinSet ? { kind: 'pin', session } : { kind: 'open', session };
}

/** Only paths inside the console are followed after a login, never another site. */
export function safeNext(next: string | null, locale: string): string {
	return next && /^\/operator\/(hi|en)(\/[a-z0-9/-]*)?$/.test(next) ? next : `/operator/${locale}`;
}

/** Leaving the console (back to the citizen screens) locks it: the PIN opens it again. */
export async function lockConsole(fetchImpl: typeof fetch): Promise<void> {
	await callHub(fetchImpl, OPERATOR_API_PATHS.lock, { body: {} });
}
