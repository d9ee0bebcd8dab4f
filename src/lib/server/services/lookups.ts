import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { flowById } from '$lib/flows';
import { findStep, validateForm } from '$lib/flows/engine';
import type { LookupRefusal } from '$lib/contract';
import { ApiError } from '$lib/server/api/http';
import { findTransactionStatus } from './transaction-status';

/** A hub lookup either finds what the citizen asked for or says why not. */
export type LookupOutcome = { found: true; result: unknown } | { found: false; refusal: LookupRefusal };

type LookupHandler = (db: Kysely<Database>, values: Record<string, string>) => Promise<LookupOutcome>;

/** Each service's lookups by flow step id. A new service registers its department call here. */
const LOOKUPS: Record<string, Record<string, LookupHandler>> = {
	'transaction-status': {
		'transaction-id': async (db, values) => {
			const result = await findTransactionStatus(db, values.transactionId ?? '');
			return result ? { found: true, result } : { found: false, refusal: 'not_found' };
		}
	}
};

/**
 * Runs a flow step's lookup after checking the values with the flow's own field schemas, so the
 * hub never trusts the kiosk's validation.
 */
export async function runLookup(
	db: Kysely<Database>,
	serviceId: string,
	stepId: string,
	values: Record<string, string>
): Promise<unknown> {
	const flow = flowById(serviceId);
	if (!flow) throw new ApiError(404, 'unknown_service', `There is no service ${serviceId}`);
	const step = findStep(flow, stepId);
	const handler = LOOKUPS[flow.id]?.[stepId];
	if (step?.kind !== 'form' || !step.lookup || !handler) {
		throw new ApiError(404, 'unknown_step', `Service ${serviceId} has no lookup at step ${stepId}`);
	}
	const validation = validateForm(step, values);
	if (!validation.ok) {
		throw new ApiError(400, 'invalid_fields', 'Some values are not valid', validation.errors);
	}
	const outcome = await handler(db, validation.values);
	if (!outcome.found) throw new ApiError(404, outcome.refusal, 'Nothing matches these values');
	return outcome.result;
}
