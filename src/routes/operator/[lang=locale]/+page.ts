import { callHub } from '$lib/machine/hub';
import { OPERATOR_API_PATHS, type ConsoleView } from '$lib/contract';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
	const answer = await callHub<ConsoleView>(fetch, OPERATOR_API_PATHS.console);
	return { console: answer.kind === 'ok' ? answer.body : undefined };
};
