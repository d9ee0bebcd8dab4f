import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TRANSACTIONS, seedDemoData } from '$demo';
import { engines, openTestDatabase, type TestDatabase } from '$lib/server/db/testing/engines';
import { maskName } from '$lib/server/privacy/mask';
import { findTransactionStatus } from './transaction-status';

describe.each(engines)('findTransactionStatus on %s', (engine) => {
	let test: TestDatabase;

	beforeAll(async () => {
		test = await openTestDatabase(engine);
		await seedDemoData(test.db);
	});

	afterAll(async () => {
		await test.close();
	});

	it('tells the kiosk where an application stands, with the name masked', async () => {
		expect(await findTransactionStatus(test.db, '2611220001')).toEqual({
			transactionId: '2611220001',
			service: { en: 'Birth Certificate', hi: 'जन्म प्रमाण पत्र' },
			department: {
				en: 'Directorate of Economics and Statistics',
				hi: 'आर्थिक एवं सांख्यिकी निदेशालय'
			},
			applicantNameMasked: 'R***** K**** M****',
			submittedAt: '2026-11-18T05:12:00.000Z',
			status: 'submitted',
			statusUpdatedAt: '2026-11-18T05:12:00.000Z'
		});
	});

	it('masks a Devanagari name letter by letter', async () => {
		const found = await findTransactionStatus(test.db, '2611220002');
		expect(found?.applicantNameMasked).toBe('सु** दे* श*');
	});

	it.each(DEMO_TRANSACTIONS)('never sends the full name of $id', async (transaction) => {
		const found = await findTransactionStatus(test.db, transaction.id);
		expect(found).toMatchObject({
			status: transaction.status,
			applicantNameMasked: maskName(transaction.applicant_name)
		});
		for (const word of transaction.applicant_name.split(' ')) {
			expect(JSON.stringify(found)).not.toContain(word);
		}
	});

	it.each(['9999999999', '261122000', '', "2611220001' or '1'='1"])('finds nothing for %j', async (transactionId) => {
		expect(await findTransactionStatus(test.db, transactionId)).toBeNull();
	});
});
