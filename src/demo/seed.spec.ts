import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSACTION_STATUSES } from '$lib/contract';
import { DEMO_SERVICES, DEMO_TRANSACTIONS, seedDemoData } from './index';
import { engines, openTestDatabase, type TestDatabase } from '$lib/server/db/testing/engines';

describe('the demo data', () => {
	it.each(TRANSACTION_STATUSES)('has a transaction that is %s', (status) => {
		expect(DEMO_TRANSACTIONS.some((transaction) => transaction.status === status)).toBe(true);
	});

	it('has unique, 10-digit transaction IDs and unique service IDs', () => {
		const transactionIds = DEMO_TRANSACTIONS.map((transaction) => transaction.id);
		expect(transactionIds.every((id) => /^\d{10}$/.test(id))).toBe(true);
		expect(new Set(transactionIds).size).toBe(transactionIds.length);
		expect(new Set(DEMO_SERVICES.map((service) => service.id)).size).toBe(DEMO_SERVICES.length);
	});

	it.each(DEMO_TRANSACTIONS)('$id is a consistent application', (transaction) => {
		expect(DEMO_SERVICES.map((service) => service.id)).toContain(transaction.service_id);
		expect(transaction.kiosk_code ?? 'K0000000').toMatch(/^K\d{7}$/);
		for (const instant of [transaction.submitted_at, transaction.status_updated_at]) {
			expect(new Date(instant).toISOString()).toBe(instant);
			expect(instant.startsWith('2026-')).toBe(true);
		}
		expect(transaction.status_updated_at >= transaction.submitted_at).toBe(true);
	});
});

describe.each(engines)('seedDemoData on %s', (engine) => {
	let test: TestDatabase;

	beforeEach(async () => {
		test = await openTestDatabase(engine);
	});

	afterEach(async () => {
		await test.close();
	});

	const rowCounts = async () => ({
		services: (await test.db.selectFrom('department_services').selectAll().execute()).length,
		transactions: (await test.db.selectFrom('emitra_transactions').selectAll().execute()).length
	});

	it('adds the demo rows once however often it runs', async () => {
		await seedDemoData(test.db);
		await seedDemoData(test.db);
		expect(await rowCounts()).toEqual({
			services: DEMO_SERVICES.length,
			transactions: DEMO_TRANSACTIONS.length
		});
	});

	it('restores missing rows and leaves changed ones alone', async () => {
		await seedDemoData(test.db);
		const [changed, removed] = DEMO_TRANSACTIONS;
		if (changed === undefined || removed === undefined) throw new Error('too few demo rows');
		await test.db.updateTable('emitra_transactions').set({ status: 'rejected' }).where('id', '=', changed.id).execute();
		await test.db.deleteFrom('emitra_transactions').where('id', '=', removed.id).execute();

		await seedDemoData(test.db);

		const statusOf = async (id: string) =>
			(await test.db.selectFrom('emitra_transactions').select('status').where('id', '=', id).executeTakeFirst())?.status;
		expect(await statusOf(changed.id)).toBe('rejected');
		expect(await statusOf(removed.id)).toBe(removed.status);
	});
});
