import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ApiError, handleApi, readJsonBody } from './http';

const schema = v.object({ name: v.string() });

const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
	new Request('http://hub.test/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

async function refusal(request: Request, maxBytes?: number): Promise<ApiError> {
	try {
		await readJsonBody(request, schema, maxBytes);
	} catch (error) {
		if (error instanceof ApiError) return error;
		throw error;
	}
	throw new Error('the body was accepted');
}

describe('readJsonBody', () => {
	it('returns a body that matches the schema', async () => {
		await expect(readJsonBody(post('{"name":"Meena"}'), schema)).resolves.toEqual({ name: 'Meena' });
	});

	it('names each refusal with a status and a code', async () => {
		expect(await refusal(post('{"name":'))).toMatchObject({ status: 400, code: 'malformed_json' });
		expect(await refusal(post('{"name":7}'))).toMatchObject({
			status: 400,
			code: 'invalid_request',
			fields: { name: expect.any(String) }
		});
		expect(await refusal(post('name=Meena', { 'content-type': 'application/x-www-form-urlencoded' }))).toMatchObject({
			status: 415
		});
		// A NUL in any string: no field takes one, and PostgreSQL would refuse it with a fault.
		expect(await refusal(post('{"name":"Mee\\u0000na"}'))).toMatchObject({ status: 400, code: 'invalid_request' });
	});

	it('stops reading a streamed body as soon as it passes the limit, whatever it claimed', async () => {
		let pulled = 0;
		const endless = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled++;
				controller.enqueue(new Uint8Array(1024).fill(0x20));
			}
		});
		expect(await refusal(post(endless), 4096)).toMatchObject({ status: 413, code: 'payload_too_large' });
		expect(pulled).toBeLessThan(10);
	});

	it('refuses at once a body whose declared length is too big', async () => {
		const request = post('{}', { 'content-type': 'application/json', 'content-length': '999999' });
		expect(await refusal(request)).toMatchObject({ status: 413 });
	});
});

describe('handleApi', () => {
	it('answers an ApiError as JSON with its status and lets real faults through', async () => {
		const response = await handleApi(async () => {
			throw new ApiError(404, 'unknown_service', 'nope');
		});
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ error: { code: 'unknown_service', message: 'nope' } });
		await expect(handleApi(async () => Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
	});
});
