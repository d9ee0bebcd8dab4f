import type { RequestHandler } from './$types';
import { referenceList } from '$lib/server/departments/http';

/** The years whose secondary results the board publishes, newest first. */
export const GET: RequestHandler = () =>
	referenceList(async ({ departments }) =>
		(await departments.exams.years()).map((year) => ({ value: String(year), label: { en: String(year), hi: String(year) } }))
	);
