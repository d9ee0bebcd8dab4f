import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKiosk } from '$lib/server/fleet';
import { createPayment, completeCashPayment, reportNote } from '$lib/server/payments';
import { engines } from '$lib/server/db/testing/engines';
import { finish, openPaymentTestBed, refusalOf, TEST_ORIGIN, type PaymentTestBed } from '$lib/server/payments/testing/bed';
import type { Kiosk } from '$lib/server/db/schema';
import { listBillers } from '$lib/server/billers';
import { listSmsOutbox } from '$lib/server/sms';
import { lookUp } from '$lib/server/lookups';
import { findReprint, orderPrint } from './printing';
import { recordPrintAttempt } from './print-orders';
import { startMobileChange, verifyMobileChange } from './mobile-changes';
import { referenceDepartmentDeps, type DepartmentDeps } from './deps';
import { verifyDocument } from './documents';
import { districtOptions, tehsilOptions, villageOptions } from './land/places';

describe('Rajasthan places (data file)', () => {
	it('has the current 41 districts, each with tehsils, and villages under LGD-style codes', () => {
		const districts = districtOptions();
		expect(districts).toHaveLength(41);
		expect(new Set(districts.map((district) => district.value)).size).toBe(41);
		for (const district of districts) expect(tehsilOptions(district.value)?.length).toBeGreaterThan(0);
		expect(districts.map((district) => district.label.en)).toContain('Didwana-Kuchaman');
		expect(districts.map((district) => district.label.en)).not.toContain('Dudu');
		expect(villageOptions('11501')?.map((village) => village.label.en)).toContain('Muhana');
		expect(tehsilOptions('999')).toBeNull();
	});
});

describe.each(engines)('government services on %s', (engine) => {
	let bed: PaymentTestBed;
	let deps: DepartmentDeps;
	let ruralKiosk: Kiosk;

	beforeAll(async () => {
		bed = await openPaymentTestBed(engine);
		deps = referenceDepartmentDeps(bed.deps, 5);
		const kiosk = await findKiosk(bed.db, 'K4521096');
		if (!kiosk) throw new Error('the demo data has no kiosk K4521096');
		ruralKiosk = kiosk;
	});
	afterAll(() => bed.close());

	/** Every lookup here is a new minute, so the rate limit of 5 is met only where a test means it. */
	let minute = 0;
	const lookup = (kind: string, body: unknown) => {
		bed.clock.now = new Date(Date.parse('2026-11-22T06:00:00.000Z') + ++minute * 60_000);
		return lookUp(deps, bed.kiosk, kind, body, TEST_ORIGIN);
	};

	it('finds a transaction’s status by the ID as the citizen typed it, and re-checks the kiosk’s validation', async () => {
		expect(await lookup('transaction-status', { transactionId: '२६११ २२० ००३' })).toMatchObject({
			transactionId: '2611220003',
			status: 'sent_back'
		});
		expect(await refusalOf(lookup('transaction-status', { transactionId: 'abc' }))).toMatchObject({
			status: 400,
			code: 'invalid_fields',
			fields: { transactionId: 'format' }
		});
		expect(await refusalOf(lookup('transaction-status', { transactionId: '2611229999' }))).toMatchObject({
			status: 404,
			code: 'not_found'
		});
		expect(await refusalOf(lookup('pay-anything', {}))).toMatchObject({ status: 404, code: 'unknown_service' });
	});

	it('shows an issued certificate and refuses another type, one not issued and an unknown ID', async () => {
		const found = await lookup('certificate', { typeId: 'caste', transactionId: '२६११ २३० ००४' });
		expect(found).toMatchObject({
			kind: 'certificate',
			certificateNumber: 'RJ/CST/SNG/2026/007719',
			holderName: { en: 'Bhanwar Lal Gurjar', hi: 'भंवर लाल गुर्जर' },
			type: { id: 'caste' }
		});
		expect(await refusalOf(lookup('certificate', { typeId: 'birth', transactionId: '2611230004' }))).toMatchObject({
			status: 422,
			code: 'other_certificate_type'
		});
		expect(await refusalOf(lookup('certificate', { typeId: 'caste', transactionId: '2611230010' }))).toMatchObject({
			status: 409,
			code: 'not_issued'
		});
		expect(await refusalOf(lookup('certificate', { typeId: 'caste', transactionId: '2611239999' }))).toMatchObject({
			status: 404,
			code: 'not_found'
		});
		expect(await refusalOf(lookup('certificate', { typeId: 'caste', transactionId: '12ab' }))).toMatchObject({
			status: 400,
			code: 'invalid_fields',
			fields: { transactionId: 'format' }
		});
	});

	it('verifies a certificate from its QR code, masking the holder', async () => {
		const found = await lookup('certificate', { typeId: 'domicile', transactionId: '2611230001' });
		const url = new URL((found as { verificationUrl: string }).verificationUrl);
		expect(url.pathname).toBe('/api/v1/documents/certificate/RJ%2FDOM%2FSNG%2F2026%2F004512/verify');
		const verified = await verifyDocument(bed.db, deps.departments, 'certificate', 'RJ/DOM/SNG/2026/004512');
		expect(verified).toMatchObject({ genuine: true, holderNameMasked: { en: 'R***** K**** M****' } });
		expect(await refusalOf(verifyDocument(bed.db, deps.departments, 'certificate', 'RJ/XX/1'))).toMatchObject({ status: 404 });
	});

	it('finds a secondary result by year and roll number', async () => {
		expect(await lookup('exam-result', { examYear: '2025', rollNumber: '1234567' })).toMatchObject({
			kind: 'marksheet',
			studentName: { en: 'Priya Sharma' },
			result: 'first',
			board: { en: 'Board of Secondary Education, Rajasthan, Ajmer' }
		});
		expect(await refusalOf(lookup('exam-result', { examYear: '2024', rollNumber: '1234567' }))).toMatchObject({ code: 'not_found' });
		expect(await deps.departments.exams.years()).toEqual([2025, 2024, 2023, 2022, 2021]);
	});

	it('finds a land record by village and khasra with its owners and shares', async () => {
		const record = await lookup('land-record', { villageCode: '11501001', khasra: '१२३/४५' });
		expect(record).toMatchObject({
			district: { name: { en: 'Jaipur' } },
			tehsil: { name: { en: 'Sanganer' } },
			village: { name: { en: 'Muhana' } },
			khasra: '123/45',
			khataNumber: '217',
			areaSquareMetres: 6_320
		});
		expect((record as { owners: { share: string }[] }).owners.map((owner) => owner.share)).toEqual(['1/2', '1/4', '1/4']);
		expect(await refusalOf(lookup('land-record', { villageCode: '11501001', khasra: '999' }))).toMatchObject({ code: 'not_found' });
		expect(await refusalOf(lookup('land-record', { villageCode: '99999999', khasra: '1' }))).toMatchObject({ code: 'unknown_place' });
		expect(await refusalOf(lookup('land-record', { villageCode: '11501001', khasra: '12//3' }))).toMatchObject({
			code: 'invalid_fields'
		});
	});

	it('shows a Jan Aadhaar family with names and mobiles masked', async () => {
		const family = await lookup('jan-aadhaar-family', { janAadhaarId: '1041234567' });
		expect(family).toMatchObject({
			members: [
				{ memberId: 'JM1041234501', nameMasked: { en: 'S***** D*** S*****' }, relation: 'head', mobileMasked: 'XXXXXX2345' },
				{ relation: 'spouse' },
				{ relation: 'daughter', mobileMasked: null },
				{ relation: 'son' }
			]
		});
		expect(JSON.stringify(family)).not.toContain('Sunita');
		expect(await refusalOf(lookup('jan-aadhaar-family', { janAadhaarId: '1000000000' }))).toMatchObject({ code: 'not_found' });
	});

	it('rate-limits lookups per kiosk: another kiosk is not held up', async () => {
		bed.clock.now = new Date('2026-11-22T09:00:10.000Z');
		const ask = (kiosk: Kiosk) => lookUp(deps, kiosk, 'exam-result', { examYear: '2025', rollNumber: '1234567' }, TEST_ORIGIN);
		for (let count = 0; count < 5; count++) await ask(ruralKiosk);
		expect(await refusalOf(ask(ruralKiosk))).toMatchObject({ status: 429, code: 'rate_limited' });
		await expect(ask(bed.kiosk)).resolves.toMatchObject({ kind: 'marksheet' });
		// The window slides: a new minute on the clock gives no fresh allowance at once…
		bed.clock.now = new Date('2026-11-22T09:01:00.000Z');
		expect(await refusalOf(ask(ruralKiosk))).toMatchObject({ status: 429, code: 'rate_limited' });
		// …a full minute without lookups does.
		bed.clock.now = new Date('2026-11-22T09:03:00.000Z');
		await expect(ask(ruralKiosk)).resolves.toMatchObject({ kind: 'marksheet' });
	});

	it('prints a certificate for ₹10 in cash through the payment core, paid once and printed until it succeeds', async () => {
		bed.clock.now = new Date('2026-11-22T06:30:00.000Z');
		const quote = await orderPrint(
			deps,
			bed.kiosk,
			{ document: { kind: 'certificate', typeId: 'birth', transactionId: '2611230005' }, language: 'hi' },
			TEST_ORIGIN
		);
		expect(quote).toMatchObject({
			biller: { id: 'print-fees' },
			identifier: '2611230005',
			payablePaise: 1_000,
			modes: {
				cash: { available: true, toCollectPaise: 1_000 },
				card: { available: false, reason: 'not_offered' },
				cardOnline: { available: false, reason: 'not_offered' },
				aadhaar: { available: false, reason: 'not_offered' }
			}
		});
		const orderId = quote.bill.billNumber;
		expect(await refusalOf(recordPrintAttempt(bed.db, bed.kiosk, orderId, { outcome: 'printed' }, bed.clock.now))).toMatchObject({
			code: 'print_not_paid'
		});
		const request = { billerId: 'print-fees', identifier: quote.identifier, billNumber: orderId, language: 'hi' as const };
		expect(await refusalOf(createPayment(bed.deps, bed.kiosk, { ...request, mode: 'card' }, finish))).toMatchObject({
			code: 'not_offered'
		});
		const payment = await createPayment(bed.deps, bed.kiosk, { ...request, mode: 'cash' }, finish);
		await reportNote(bed.deps, bed.kiosk, payment.transactionId, { valuePaise: 1_000 }, finish);
		const paid = await completeCashPayment(bed.deps, bed.kiosk, payment.transactionId, finish);
		expect(paid).toMatchObject({ status: 'posted', posting: { billerReference: orderId }, amounts: { collectedPaise: 1_000 } });

		expect(
			await recordPrintAttempt(bed.db, bed.kiosk, orderId, { outcome: 'failed', reason: 'out_of_paper' }, bed.clock.now)
		).toMatchObject({ status: 'paid', attempts: 1 });
		const reprint = await findReprint(deps, ruralKiosk, payment.transactionId, TEST_ORIGIN);
		expect(reprint).toMatchObject({
			order: { orderId, status: 'paid' },
			document: { kind: 'certificate', transactionId: '2611230005' }
		});
		expect(await recordPrintAttempt(bed.db, ruralKiosk, orderId, { outcome: 'printed' }, bed.clock.now)).toMatchObject({
			status: 'printed',
			attempts: 2
		});
		expect(await refusalOf(findReprint(deps, bed.kiosk, payment.transactionId, TEST_ORIGIN))).toMatchObject({
			code: 'already_printed'
		});
		expect(await refusalOf(findReprint(deps, bed.kiosk, '261120000000', TEST_ORIGIN))).toMatchObject({
			code: 'unknown_print_order'
		});

		// A second print of the same certificate is a new order and a new fee.
		const again = await orderPrint(
			deps,
			bed.kiosk,
			{ document: { kind: 'certificate', typeId: 'birth', transactionId: '2611230005' }, language: 'en' },
			TEST_ORIGIN
		);
		expect(again.bill.billNumber).not.toBe(orderId);
	});

	it('keeps the printing payee out of the bill-payment menu', async () => {
		expect((await listBillers(bed.db)).map((biller) => biller.id)).not.toContain('print-fees');
	});

	it('changes a Jan Aadhaar mobile number after the OTP and a matching fingerprint, with an audit trail', async () => {
		bed.clock.now = new Date('2026-11-22T07:00:00.000Z');
		const started = await startMobileChange(deps, bed.kiosk, {
			janAadhaarId: '1041234567',
			memberId: 'JM1041234502',
			newMobile: '9876543210',
			language: 'en'
		});
		expect(started).toMatchObject({ status: 'otp_sent', newMobileMasked: 'XXXXXX3210', memberNameMasked: 'R******* P***** S*****' });
		const sms = await listSmsOutbox(bed.db, bed.kiosk.code, 5);
		const otp = /(\d{6}) is the OTP/.exec(sms[0]?.body ?? '')?.[1] ?? '';
		expect(sms[0]).toMatchObject({ mobile: '9876543210', transactionId: null });
		expect(otp).toMatch(/^\d{6}$/);

		const wrong = otp === '000000' ? '111111' : '000000';
		expect(
			await refusalOf(verifyMobileChange(deps, bed.kiosk, started.changeId, { otp: wrong, pidBlock: '<PidData/>' }))
		).toMatchObject({ code: 'otp_incorrect', fields: { otp: '2' } });
		expect(await refusalOf(verifyMobileChange(deps, ruralKiosk, started.changeId, { otp, pidBlock: '<PidData/>' }))).toMatchObject({
			code: 'no_mobile_change'
		});
		const done = await verifyMobileChange(deps, bed.kiosk, started.changeId, { otp, pidBlock: '<PidData/>' });
		expect(done).toMatchObject({ status: 'completed' });
		const family = await deps.departments.janAadhaar.family('1041234567');
		expect(family[1]?.mobile).toBe('9876543210');
		const audit = await bed.db
			.selectFrom('mobile_change_audit')
			.select('event')
			.where('change_id', '=', started.changeId)
			.orderBy('id')
			.execute();
		expect(audit.map((row) => row.event)).toEqual([
			'otp_sent',
			'otp_incorrect',
			'otp_verified',
			'fingerprint_matched',
			'mobile_updated'
		]);
		const told = (await listSmsOutbox(bed.db, bed.kiosk.code, 5)).map((message) => message.mobile);
		expect(told.slice(0, 2).sort()).toEqual(['9414056789', '9876543210']);
		expect(await refusalOf(verifyMobileChange(deps, bed.kiosk, started.changeId, { otp, pidBlock: '<PidData/>' }))).toMatchObject({
			code: 'change_closed'
		});
		await expect(bed.db.deleteFrom('mobile_change_audit').execute()).rejects.toThrow(/append-only/);
	});

	it('refuses a fingerprint that does not match and ends the change after three wrong OTPs', async () => {
		const mismatch = await startMobileChange(deps, bed.kiosk, {
			janAadhaarId: '1049876543',
			memberId: 'JM1049876501',
			newMobile: '9001234567',
			language: 'hi'
		});
		const sms = await listSmsOutbox(bed.db, bed.kiosk.code, 1);
		const otp = /OTP (\d{6})/.exec(sms[0]?.body ?? '')?.[1] ?? '';
		expect(await refusalOf(verifyMobileChange(deps, bed.kiosk, mismatch.changeId, { otp, pidBlock: '<PidData/>' }))).toMatchObject({
			code: 'fingerprint_mismatch'
		});
		expect((await deps.departments.janAadhaar.family('1049876543'))[0]?.mobile).toBe('9784098765');

		const other = await startMobileChange(deps, bed.kiosk, {
			janAadhaarId: '1041234567',
			memberId: 'JM1041234503',
			newMobile: '9001234568',
			language: 'en'
		});
		const attempt = () => verifyMobileChange(deps, bed.kiosk, other.changeId, { otp: '000001', pidBlock: '<PidData/>' });
		await refusalOf(attempt());
		await refusalOf(attempt());
		expect(await refusalOf(attempt())).toMatchObject({ code: 'otp_attempts_exhausted' });
		expect(await refusalOf(attempt())).toMatchObject({ code: 'change_closed' });
		expect(
			await refusalOf(
				startMobileChange(deps, bed.kiosk, {
					janAadhaarId: '1041234567',
					memberId: 'JM1041234501',
					newMobile: '9829012345',
					language: 'en'
				})
			)
		).toMatchObject({ code: 'same_mobile' });
	});
});
