import { json, type RequestEvent } from '@sveltejs/kit';
import type * as v from 'valibot';
import { ApiError, handleApi, readJsonBody } from '$lib/server/api/http';
import type { Kiosk } from '$lib/server/db/schema';
import { requireKiosk } from '$lib/server/fleet';
import { refuseOutdatedKiosk } from '$lib/server/fleet/versions';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, type PaymentView } from '$lib/contract';
import { runIdempotently } from './idempotency';
import { getPaymentDeps, type PaymentDeps } from './deps';
import { finisher, type Finish } from './view';

/** What the route helpers need of SvelteKit's request event. */
export type HubRequestEvent = Pick<RequestEvent, 'request' | 'url'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idempotencyKeyOf(request: Request): string {
	const key = request.headers.get(IDEMPOTENCY_KEY_HEADER)?.trim();
	if (!key) {
		const message = `Send a new UUID in ${IDEMPOTENCY_KEY_HEADER} with every payment request`;
		throw new ApiError(400, 'idempotency_key_missing', message);
	}
	if (!UUID.test(key)) {
		throw new ApiError(400, 'invalid_request', `${IDEMPOTENCY_KEY_HEADER} must be a UUID`, {
			[IDEMPOTENCY_KEY_HEADER]: 'format'
		});
	}
	return key.toLowerCase();
}

/** A kiosk asks something (nothing changes): who is asking, then the answer as JSON. */
export function kioskQuery(event: HubRequestEvent, answer: (deps: PaymentDeps, kiosk: Kiosk) => Promise<unknown>): Promise<Response> {
	return handleApi(async () => {
		const deps = await getPaymentDeps();
		const kiosk = await requireKiosk(deps.db, event.request);
		return json(await answer(deps, kiosk));
	});
}

export interface CommandOptions<Body> {
	/** The status of a successful answer (201 for a new payment). */
	status?: number;
	/** What of the body identifies the request for idempotency; by default the body itself. */
	fingerprint?: (body: Body) => unknown;
	maxBytes?: number;
	/**
	 * Starting a new transaction, which a kiosk behind the current version may not do unless it
	 * replays one it queued before (`queueable` says whether this body could have been queued).
	 */
	startsTransaction?: { queueable: (body: Body) => boolean };
}

/**
 * A kiosk asks for a payment change: who is asking, the Idempotency-Key, the body checked with
 * the shared schema, then the command, run once per key with its answer stored alongside.
 */
export function paymentCommand<Schema extends v.GenericSchema>(
	event: HubRequestEvent,
	schema: Schema,
	command: (deps: PaymentDeps, kiosk: Kiosk, body: v.InferOutput<Schema>, finish: Finish) => Promise<PaymentView>,
	options: CommandOptions<v.InferOutput<Schema>> = {}
): Promise<Response> {
	return handleApi(async () => {
		const deps = await getPaymentDeps();
		const kiosk = await requireKiosk(deps.db, event.request);
		const key = idempotencyKeyOf(event.request);
		const body = await readJsonBody(event.request, schema, options.maxBytes);
		if (options.startsTransaction) {
			const queueable = options.startsTransaction.queueable(body);
			await refuseOutdatedKiosk(deps.db, event.request, deps.now(), { queueable });
		}
		const request = {
			kioskCode: kiosk.code,
			key,
			method: event.request.method,
			path: event.url.pathname,
			fingerprint: options.fingerprint ? options.fingerprint(body) : body
		};
		const answer = await runIdempotently(deps.db, request, deps.now, options.status ?? 200, (save) =>
			command(deps, kiosk, body, finisher(event.url.origin, save))
		);
		const headers: Record<string, string> = answer.replayed ? { [IDEMPOTENT_REPLAYED_HEADER]: 'true' } : {};
		return json(answer.body, { status: answer.status, headers });
	});
}
