import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { ApiErrorBody, ApiErrorCode } from '$lib/contract';

/** Thrown inside a handler; `handleApi` turns it into a JSON response with its status. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: ApiErrorCode,
		message: string,
		readonly fields?: Record<string, string>
	) {
		super(message);
	}

	toResponse(): Response {
		const body: ApiErrorBody = { error: { code: this.code, message: this.message } };
		if (this.fields) body.error.fields = this.fields;
		return json(body, { status: this.status });
	}
}

/** Kiosk requests are a few fields; anything bigger is a mistake or an attack. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

/** Reads a JSON body and checks it against a schema shared with the kiosk. */
export async function readJsonBody<Schema extends v.GenericSchema>(
	request: Request,
	schema: Schema,
	maxBytes = MAX_JSON_BODY_BYTES
): Promise<v.InferOutput<Schema>> {
	const contentType = request.headers.get('content-type') ?? '';
	if (!/^application\/json\b/i.test(contentType)) {
		throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json');
	}
	const declaredLength = Number(request.headers.get('content-length') ?? 0);
	if (declaredLength > maxBytes) throw tooLarge(maxBytes);

	const text = await readTextUpTo(request, maxBytes);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new ApiError(400, 'malformed_json', 'The body is not valid JSON');
	}
	// No field takes a NUL character, and PostgreSQL refuses it in any text.
	if (/\\u0000/i.test(text) || text.includes('\0')) {
		throw new ApiError(400, 'invalid_request', 'The body holds a NUL character');
	}
	const parsed = v.safeParse(schema, body);
	if (!parsed.success) {
		const fields = Object.fromEntries(parsed.issues.map((issue) => [v.getDotPath(issue) ?? '(body)', issue.message]));
		throw new ApiError(400, 'invalid_request', 'The body does not have the expected shape', fields);
	}
	return parsed.output;
}

const tooLarge = (maxBytes: number) => new ApiError(413, 'payload_too_large', `The body must be at most ${maxBytes} bytes`);

/** Stops reading as soon as the limit is passed, whatever Content-Length claimed. */
async function readTextUpTo(request: Request, maxBytes: number): Promise<string> {
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > maxBytes) {
			await reader.cancel();
			throw tooLarge(maxBytes);
		}
		chunks.push(value);
	}
	return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Runs a handler and answers its refusals as JSON; anything else is a real fault (500). */
export async function handleApi(handler: () => Promise<Response>): Promise<Response> {
	try {
		return await handler();
	} catch (error) {
		if (error instanceof ApiError) return error.toResponse();
		throw error;
	}
}
