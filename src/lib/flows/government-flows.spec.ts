import { describe, expect, it } from 'vitest';
import { emptyWizard, previousStepId, reachableStepId, withAnswers, withResult } from './engine';
import { certificatesFlow } from './certificates';
import { janAadhaarFlow } from './jan-aadhaar';
import { landRecordsFlow } from './land-records';
import { reprintFlow } from './reprint';
import { CERTIFICATE } from './steps/testing/government';
import type { PrintStep } from './types';

describe('government flows on the engine', () => {
	it('makes a tehsil and village be chosen again when the district changes, keeping the khasra typed', () => {
		let wizard = withAnswers(landRecordsFlow, emptyWizard(), 'district', { value: '115', en: 'Jaipur', hi: 'जयपुर' });
		wizard = withAnswers(landRecordsFlow, wizard, 'tehsil', { value: '11501', en: 'Sanganer', hi: 'सांगानेर' });
		wizard = withAnswers(landRecordsFlow, wizard, 'village', { value: '11501001', en: 'Muhana', hi: 'मुहाना' });
		wizard = withAnswers(landRecordsFlow, wizard, 'khasra', { khasra: '123/45' });
		expect(reachableStepId(landRecordsFlow, wizard, 'khasra')).toBe('khasra');

		const moved = withAnswers(landRecordsFlow, wizard, 'district', { value: '106', en: 'Bikaner', hi: 'बीकानेर' });
		expect(moved.answers.tehsil).toBeUndefined();
		expect(moved.answers.village).toBeUndefined();
		expect(moved.answers.khasra).toEqual({ khasra: '123/45' });
		expect(reachableStepId(landRecordsFlow, moved, 'khasra')).toBe('tehsil');
	});

	it('sends the earlier choice with a lookup: the certificate type with the transaction ID', () => {
		const form = certificatesFlow.steps.find((step) => step.id === 'transaction-id');
		if (form?.kind !== 'form') throw new Error('no transaction-id form');
		const request = form.lookup?.request?.({ transactionId: '2611230005' }, { type: { value: 'birth' } });
		expect(request).toEqual({ path: '/api/v1/lookups/certificate', body: { typeId: 'birth', transactionId: '2611230005' } });
	});

	it('prints only a posted payment of the print fee, and never goes back before it', () => {
		const print = certificatesFlow.steps.find((step): step is PrintStep => step.kind === 'print');
		let wizard = withResult(emptyWizard(), 'transaction-id', CERTIFICATE);
		const payment = (status: string) => ({ status, transactionId: '263262498601', bill: { billNumber: 'PO1234567890' } });
		expect(print?.order(withResult(wizard, 'pay', payment('cancelled')))).toBeUndefined();
		wizard = withResult(wizard, 'pay', {
			...payment('posted'),
			mode: 'cash',
			kioskCode: 'K1234567',
			language: 'en',
			biller: { id: 'print-fees', name: { en: 'e-Mitra document printing', hi: 'ई-मित्र दस्तावेज़ प्रिंट शुल्क' } },
			consumer: { identifier: '2611230005', nameMasked: 'A**** R******' },
			bill: { billNumber: 'PO1234567890', billDate: '2026-11-22', dueDate: '2026-11-22' },
			amounts: {
				billPaise: 1000,
				creditAppliedPaise: 0,
				payablePaise: 1000,
				feePaise: 0,
				toCollectPaise: 1000,
				collectedPaise: 1000,
				creditedPaise: 0
			},
			notes: [],
			instrument: null,
			otp: null,
			posting: { billerReference: 'PO1234567890', pending: false },
			vouchers: [],
			reversal: null,
			cancelReason: null,
			declineReason: null,
			createdAt: '2026-11-22T06:00:00.000Z',
			paidAt: '2026-11-22T06:00:30.000Z',
			postedAt: '2026-11-22T06:00:31.000Z',
			closedAt: null,
			verificationUrl: 'http://hub.test/api/v1/receipts/263262498601/verify'
		});
		expect(print?.order(wizard)).toMatchObject({
			orderId: 'PO1234567890',
			receiptReference: '263262498601',
			document: { kind: 'certificate' }
		});
		expect(previousStepId(certificatesFlow, 'print')).toBeUndefined();
		expect(previousStepId(janAadhaarFlow, 'done')).toBeUndefined();
	});

	it('reprints from the receipt reference the hub found', () => {
		const print = reprintFlow.steps.find((step): step is PrintStep => step.kind === 'print');
		const found = {
			order: { orderId: 'PO1', status: 'paid', feePaise: 1000, paymentId: '263262498601', attempts: 1 },
			document: CERTIFICATE
		};
		expect(print?.order(withResult(emptyWizard(), 'receipt-reference', found))).toMatchObject({
			orderId: 'PO1',
			receiptReference: '263262498601'
		});
	});
});
