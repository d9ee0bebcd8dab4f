import { json, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { LOOKUP_SCHEMAS, LOOKUP_SERVICES, type LookupRequest, type LookupServiceId } from '$lib/contract';
import { ApiError, handleApi, readJsonBody } from '$lib/server/api/http';
import {
	findCertificate,
	findFamily,
	findLandRecord,
	findMarksheet,
	findTransactionStatus,
	getDepartmentDeps,
	type DepartmentDeps
} from '$lib/server/departments';
import { countLookup } from '$lib/server/departments/rate-limit';
import type { Kiosk } from '$lib/server/db/schema';
import { requireKiosk } from '$lib/server/fleet';

/** What a registered lookup does with a request its schema has already checked. */
type LookupHandler<Service extends LookupServiceId> = (
	deps: DepartmentDeps,
	request: LookupRequest<Service>,
	origin: string
) => Promise<unknown>;

/**
 * Every citizen lookup the hub answers, by service id: its request schema is the contract's
 * (`LOOKUP_SCHEMAS`), its handler an adapter's call. All of them go through `answerLookup`: the
 * kiosk proves itself, the lookup counts against the kiosk's limit, the body is checked, the
 * handler answers. A new government service adds its schema to the contract and one line here.
 */
export const LOOKUPS: { [Service in LookupServiceId]: LookupHandler<Service> } = {
	'transaction-status': async (deps, request) => {
		const found = await findTransactionStatus(deps.db, request.transactionId);
		if (!found) throw new ApiError(404, 'not_found', `No transaction ${request.transactionId}`);
		return found;
	},
	certificate: (deps, request, origin) => findCertificate(deps, request.typeId, request.transactionId, origin),
	'exam-result': (deps, request, origin) => findMarksheet(deps, Number(request.examYear), request.rollNumber, origin),
	'land-record': (deps, request) => findLandRecord(deps, request.villageCode, request.khasra),
	'jan-aadhaar-family': (deps, request) => findFamily(deps, request.janAadhaarId)
};

const isLookupService = (id: string): id is LookupServiceId => (LOOKUP_SERVICES as string[]).includes(id);

/** Checks a request body with the shared schema; bad fields come back as codes per field. */
export function parseRequest<Schema extends v.GenericSchema>(schema: Schema, body: unknown): v.InferOutput<Schema> {
	const parsed = v.safeParse(schema, body);
	if (parsed.success) return parsed.output;
	const fields = Object.fromEntries(parsed.issues.map((issue) => [v.getDotPath(issue) ?? '(body)', issue.message]));
	throw new ApiError(400, 'invalid_fields', 'Some values are not valid', fields);
}

/**
 * One lookup by a kiosk the hub knows: the same limit, checks and refusals for every service.
 * Counted before anything is checked, so a script walking IDs is stopped whatever it sends.
 */
export async function lookUp(deps: DepartmentDeps, kiosk: Kiosk, serviceId: string, body: unknown, origin: string): Promise<unknown> {
	if (!isLookupService(serviceId)) throw new ApiError(404, 'unknown_service', `There is no lookup ${serviceId}`);
	await countLookup(deps.db, kiosk.code, deps.lookupsPerMinute, deps.now());
	return answer(serviceId, deps, parseRequest(LOOKUP_SCHEMAS[serviceId], body), origin);
}

// One place where the service id and its request's type meet (TypeScript cannot follow the pair).
function answer<Service extends LookupServiceId>(
	service: Service,
	deps: DepartmentDeps,
	request: LookupRequest<Service>,
	origin: string
): Promise<unknown> {
	return LOOKUPS[service](deps, request, origin);
}

/** `POST /api/v1/lookups/[service]`, answered as JSON and never cached. */
export function lookupEndpoint(event: Pick<RequestEvent, 'request' | 'url' | 'params'>): Promise<Response> {
	return handleApi(async () => {
		const deps = await getDepartmentDeps();
		const kiosk = await requireKiosk(deps.db, event.request, deps.now());
		const body = await readJsonBody(event.request, v.unknown());
		const found = await lookUp(deps, kiosk, event.params.service ?? '', body, event.url.origin);
		return json(found, { headers: { 'cache-control': 'no-store' } });
	});
}
