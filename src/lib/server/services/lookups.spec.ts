import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, openTestDatabase, type TestDatabase } from '$lib/server/db/testing/engines';
import { seedDemoData } from '$lib/server/db/seed';
import { ApiError } from '$lib/server/api/http';
import { runLookup } from './lookups';

async function refusalOf(promise: Promise<unknown>): Promise<Pick<ApiError, 'status' | 'code' | 'fields'>> {
	const error = await promise.then(
		() => undefined,
		(reason: unknown) => reason
	);
	if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
	return { status: error.status, code: error.code, fields: error.fields };
}

describe.each(engines)('runLookup on %s', (engine) => {
	let test: TestDatabase;

	beforeAll(async () => {
		test = await openTestDatabase(engine);
		await seedDemoData(test.db);
	});
	afterAll(() => test.close());

	it('finds a transaction by the ID as the citizen typed it', async () => {
		const result = await runLookup(test.db, 'transaction-status', 'transaction-id', { transactionId: '२६११ २२० ००३' });
		expect(result).toMatchObject({ transactionId: '2611220003', status: 'sent_back' });
	});

	it('re-checks the kiosk’s validation with the flow’s own schema', async () => {
		expect(await refusalOf(runLookup(test.db, 'transaction-status', 'transaction-id', { transactionId: 'abc' }))).toEqual({
			status: 400,
			code: 'invalid_fields',
			fields: { transactionId: 'transactionStatus.id.format' }
		});
	});

	it('refuses unknown transactions, services and steps with codes', async () => {
		expect(
			await refusalOf(runLookup(test.db, 'transaction-status', 'transaction-id', { transactionId: '2611229999' }))
		).toMatchObject({ status: 404, code: 'not_found' });
		expect(await refusalOf(runLookup(test.db, 'pay-anything', 'x', {}))).toMatchObject({ code: 'unknown_service' });
		expect(await refusalOf(runLookup(test.db, 'transaction-status', 'status', {}))).toMatchObject({
			code: 'unknown_step'
		});
	});
});
