import type { Kysely } from 'kysely';
import { DEMO_BILLS, DEMO_DOWN_BILLER } from './billers';
import { seedDepartments } from './departments';
import { DEMO_KIOSK_OPERATORS, DEMO_KIOSKS, DEMO_OPERATORS } from './kiosks';
import { seedMachineAccess, seedPaymentHistory } from './machine-access';
import { openWallet, topUpWallet } from '$lib/server/payments/wallet';
import type { Database, DepartmentService, EmitraTransaction } from '$lib/server/db/schema';

export * from './billers';
export * from './kiosks';

const ECONOMICS_AND_STATISTICS = {
	department_en: 'Directorate of Economics and Statistics',
	department_hi: 'आर्थिक एवं सांख्यिकी निदेशालय'
};
const REVENUE = { department_en: 'Revenue Department', department_hi: 'राजस्व विभाग' };
const SOCIAL_JUSTICE = {
	department_en: 'Social Justice and Empowerment Department',
	department_hi: 'सामाजिक न्याय एवं अधिकारिता विभाग'
};
const JAN_AADHAAR_AUTHORITY = {
	department_en: 'Rajasthan Jan Aadhaar Authority',
	department_hi: 'राजस्थान जन आधार प्राधिकरण'
};
const JAIPUR_DISCOM = {
	department_en: 'Jaipur Vidyut Vitran Nigam Limited',
	department_hi: 'जयपुर विद्युत वितरण निगम लिमिटेड'
};

export const DEMO_SERVICES: readonly DepartmentService[] = [
	{
		id: 'birth-certificate',
		name_en: 'Birth Certificate',
		name_hi: 'जन्म प्रमाण पत्र',
		...ECONOMICS_AND_STATISTICS
	},
	{
		id: 'death-certificate',
		name_en: 'Death Certificate',
		name_hi: 'मृत्यु प्रमाण पत्र',
		...ECONOMICS_AND_STATISTICS
	},
	{
		id: 'marriage-registration-certificate',
		name_en: 'Marriage Registration Certificate',
		name_hi: 'विवाह पंजीकरण प्रमाण पत्र',
		...ECONOMICS_AND_STATISTICS
	},
	{
		id: 'caste-certificate',
		name_en: 'Caste Certificate',
		name_hi: 'जाति प्रमाण पत्र',
		...REVENUE
	},
	{
		id: 'domicile-certificate',
		name_en: 'Domicile Certificate',
		name_hi: 'मूल निवास प्रमाण पत्र',
		...REVENUE
	},
	{
		id: 'old-age-pension',
		name_en: 'Old Age Pension',
		name_hi: 'वृद्धावस्था पेंशन',
		...SOCIAL_JUSTICE
	},
	{
		id: 'jan-aadhaar-enrolment',
		name_en: 'Jan Aadhaar Enrolment',
		name_hi: 'जन आधार नामांकन',
		...JAN_AADHAAR_AUTHORITY
	},
	{
		id: 'electricity-bill-payment',
		name_en: 'Electricity Bill Payment',
		name_hi: 'बिजली बिल भुगतान',
		...JAIPUR_DISCOM
	}
];

/**
 * Demo applications, at least one in every status, with IDs easy to type at a kiosk.
 * A null kiosk code is an application made at an operator's counter.
 */
export const DEMO_TRANSACTIONS: readonly EmitraTransaction[] = [
	{
		id: '2611220001',
		service_id: 'birth-certificate',
		applicant_name: 'Ramesh Kumar Meena',
		kiosk_code: 'K1234567',
		submitted_at: '2026-11-18T05:12:00.000Z',
		status: 'submitted',
		status_updated_at: '2026-11-18T05:12:00.000Z'
	},
	{
		id: '2611220002',
		service_id: 'domicile-certificate',
		applicant_name: 'सुनीता देवी शर्मा',
		kiosk_code: 'K1234567',
		submitted_at: '2026-11-10T06:40:00.000Z',
		status: 'under_verification',
		status_updated_at: '2026-11-12T09:05:00.000Z'
	},
	{
		id: '2611220003',
		service_id: 'caste-certificate',
		applicant_name: 'Bhanwar Lal Gurjar',
		kiosk_code: 'K2045318',
		submitted_at: '2026-11-03T04:25:00.000Z',
		status: 'sent_back',
		status_updated_at: '2026-11-06T10:30:00.000Z'
	},
	{
		id: '2611220004',
		service_id: 'marriage-registration-certificate',
		applicant_name: 'प्रकाश चन्द्र जैन',
		kiosk_code: 'K2045318',
		submitted_at: '2026-10-21T07:50:00.000Z',
		status: 'approved',
		status_updated_at: '2026-11-04T11:15:00.000Z'
	},
	{
		id: '2611220005',
		service_id: 'old-age-pension',
		applicant_name: 'Kamla Devi Bairwa',
		kiosk_code: null,
		submitted_at: '2026-09-15T05:00:00.000Z',
		status: 'delivered',
		status_updated_at: '2026-10-01T06:30:00.000Z'
	},
	{
		id: '2611220006',
		service_id: 'death-certificate',
		applicant_name: 'गीता कंवर राठौड़',
		kiosk_code: 'K3187402',
		submitted_at: '2026-10-05T08:20:00.000Z',
		status: 'delivered',
		status_updated_at: '2026-10-09T10:45:00.000Z'
	},
	{
		id: '2611220007',
		service_id: 'jan-aadhaar-enrolment',
		applicant_name: 'Abdul Rashid Khan',
		kiosk_code: 'K3187402',
		submitted_at: '2026-10-12T09:10:00.000Z',
		status: 'rejected',
		status_updated_at: '2026-10-19T07:35:00.000Z'
	},
	{
		id: '2611220008',
		service_id: 'electricity-bill-payment',
		applicant_name: 'Mahendra Singh Shekhawat',
		kiosk_code: 'K1234567',
		submitted_at: '2026-11-20T10:05:00.000Z',
		status: 'delivered',
		status_updated_at: '2026-11-20T10:06:00.000Z'
	},
	{
		id: '2611220009',
		service_id: 'jan-aadhaar-enrolment',
		applicant_name: 'लक्ष्मी बिश्नोई',
		kiosk_code: 'K4521096',
		submitted_at: '2026-11-21T04:45:00.000Z',
		status: 'submitted',
		status_updated_at: '2026-11-21T04:45:00.000Z'
	},
	{
		id: '2611220010',
		service_id: 'old-age-pension',
		applicant_name: 'श्रीराम सैनी',
		kiosk_code: 'K4521096',
		submitted_at: '2026-11-14T05:55:00.000Z',
		status: 'under_verification',
		status_updated_at: '2026-11-17T08:20:00.000Z'
	},
	{
		id: '2611220011',
		service_id: 'birth-certificate',
		applicant_name: 'Pooja Rathore',
		kiosk_code: null,
		submitted_at: '2026-11-07T06:15:00.000Z',
		status: 'approved',
		status_updated_at: '2026-11-16T09:40:00.000Z'
	},
	{
		id: '2611220012',
		service_id: 'domicile-certificate',
		applicant_name: 'हनुमान प्रसाद कुमावत',
		kiosk_code: 'K2045318',
		submitted_at: '2026-10-25T07:05:00.000Z',
		status: 'rejected',
		status_updated_at: '2026-11-02T10:50:00.000Z'
	}
];

/**
 * Adds whichever demo rows are missing, in one transaction; rows already there, even if changed
 * since, are left alone. Safe to run at every start. `now` anchors the demo history ("the last two
 * weeks"); tests pass a fixed day so their expectations do not drift with the calendar.
 */
export async function seedDemoData(db: Kysely<Database>, now: Date = new Date()): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('department_services')
			.values([...DEMO_SERVICES])
			.onConflict((conflict) => conflict.column('id').doNothing())
			.execute();
		await trx
			.insertInto('emitra_transactions')
			.values([...DEMO_TRANSACTIONS])
			.onConflict((conflict) => conflict.column('id').doNothing())
			.execute();
		await seedKiosksAndWallets(trx);
		await seedMachineAccess(trx, now);
		await seedReferenceBills(trx);
		await seedPaymentHistory(trx, now);
		await seedDepartments(trx);
	});
}

/** When the demo machines were mapped to their operators and the wallets topped up. */
const DEMO_SET_UP_AT = new Date('2026-11-01T04:30:00.000Z');

async function seedKiosksAndWallets(trx: Kysely<Database>): Promise<void> {
	await trx
		.insertInto('kiosks')
		.values([...DEMO_KIOSKS])
		.onConflict((conflict) => conflict.column('code').doNothing())
		.execute();
	await trx
		.insertInto('operators')
		.values([...DEMO_OPERATORS])
		.onConflict((conflict) => conflict.column('sso_id').doNothing())
		.execute();
	for (const { kioskCode, ssoId, walletPaise } of DEMO_KIOSK_OPERATORS) {
		await trx
			.insertInto('kiosk_operators')
			.values({ kiosk_code: kioskCode, operator_sso_id: ssoId, mapped_at: DEMO_SET_UP_AT.toISOString() })
			.onConflict((conflict) => conflict.doNothing())
			.execute();
		// A wallet's balance is its ledger's: it is topped up only when it is opened.
		if (await openWallet(trx, ssoId, DEMO_SET_UP_AT)) await topUpWallet(trx, ssoId, walletPaise, DEMO_SET_UP_AT);
	}
}

async function seedReferenceBills(trx: Kysely<Database>): Promise<void> {
	await trx
		.insertInto('billers')
		.values(DEMO_DOWN_BILLER)
		.onConflict((conflict) => conflict.column('id').doNothing())
		.execute();
	const consumers = new Map(
		DEMO_BILLS.map((bill) => [
			`${bill.billerId}/${bill.identifier}`,
			{
				biller_id: bill.billerId,
				identifier: bill.identifier,
				name: bill.consumerName,
				rejects_postings: bill.rejectsPostings ? (1 as const) : (0 as const)
			}
		])
	);
	await trx
		.insertInto('reference_consumers')
		.values([...consumers.values()])
		.onConflict((conflict) => conflict.columns(['biller_id', 'identifier']).doNothing())
		.execute();
	await trx
		.insertInto('reference_bills')
		.values(
			DEMO_BILLS.map((bill) => ({
				biller_id: bill.billerId,
				bill_number: bill.billNumber,
				identifier: bill.identifier,
				bill_date: bill.billDate,
				due_date: bill.dueDate,
				amount_paise: bill.amountPaise,
				paid_at: bill.paidAt,
				payment_reference: null
			}))
		)
		.onConflict((conflict) => conflict.columns(['biller_id', 'bill_number']).doNothing())
		.execute();
}

/** `DEMO_DATA` unset, or anything but `0`/`false`: a new hub gets the demo data (README, Demo data). */
export function wantsDemoData(env: Record<string, string | undefined>): boolean {
	const setting = env.DEMO_DATA?.trim().toLowerCase();
	return setting !== '0' && setting !== 'false';
}

/** The start-up hook's preparation of a hub database (see `prepareHubDatabaseWith`). */
export async function seedDemoDataWhenWanted(db: Kysely<Database>, env: Record<string, string | undefined>): Promise<void> {
	if (wantsDemoData(env)) await seedDemoData(db);
}
