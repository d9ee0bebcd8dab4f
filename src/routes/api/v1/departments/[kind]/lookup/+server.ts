import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { DEPARTMENT_LOOKUPS } from '$lib/contract';
import { ApiError } from '$lib/server/api/http';
import { departmentLookup } from '$lib/server/departments';
import { departmentRequest } from '$lib/server/departments/http';

/** A citizen's question to a department (certificate, exam result, land record, Jan Aadhaar family). */
export const POST: RequestHandler = (event) =>
	departmentRequest(event, v.unknown(), (services, kiosk, body) => {
		const kind = DEPARTMENT_LOOKUPS.find((known) => known === event.params.kind);
		if (!kind) throw new ApiError(404, 'unknown_service', `There is no department lookup ${event.params.kind}`);
		return departmentLookup(services, kiosk, kind, body, event.url.origin);
	});
