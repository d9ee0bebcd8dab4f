import type { Biller } from '$lib/server/db/schema';

/** A bill of the reference biller, as the README lists it. */
export interface DemoBill {
	billerId: string;
	/** What the citizen types: mobile number, CID, K-number or landline with STD code. */
	identifier: string;
	consumerName: string;
	billNumber: string;
	billDate: string;
	dueDate: string;
	amountPaise: number;
	paidAt: string | null;
	/** The biller refuses every payment for this consumer (posting failure → retry or reversal). */
	rejectsPostings: boolean;
	/** What the bill is for in a demo or a test; empty for an ordinary bill. */
	purpose: string;
}

/** A biller that only exists in the demo, switched to "down" so the outage message can be seen. */
export const DEMO_DOWN_BILLER: Biller = {
	id: 'kedl',
	name_en: 'Kota Electricity Distribution (KEDL)',
	name_hi: 'कोटा इलेक्ट्रिसिटी डिस्ट्रीब्यूशन',
	category: 'electricity',
	identifier_label_en: 'K-number',
	identifier_label_hi: 'के-क्रमांक',
	identifier_pattern: '^\\d{12}$',
	identifier_length: 12,
	identifier_is_mobile: 0,
	mobile_required: 1,
	cash_limit_paise: 2_000_000,
	status: 'down',
	// Listed with the other electricity billers.
	sort_order: 75,
	listed: 1,
	payment_modes: null
};

const special = (bill: Omit<DemoBill, 'paidAt' | 'rejectsPostings'> & Partial<DemoBill>): DemoBill => ({
	paidAt: null,
	rejectsPostings: false,
	...bill
});

const SPECIAL_BILLS: readonly DemoBill[] = [
	special({
		billerId: 'airtel',
		identifier: '9829012017',
		consumerName: 'Ramesh Kumar Meena',
		billNumber: 'AT2610012017',
		billDate: '2026-10-05',
		dueDate: '2026-10-25',
		amountPaise: 1_700,
		purpose: '₹17, overdue: a ₹20 note pays it and ₹3 is credited to the next bill'
	}),
	special({
		billerId: 'airtel',
		identifier: '9829012017',
		consumerName: 'Ramesh Kumar Meena',
		billNumber: 'AT2611012017',
		billDate: '2026-11-05',
		dueDate: '2026-11-25',
		amountPaise: 34_900,
		purpose: 'the next bill after ₹17: the ₹3 credit is applied (₹346 payable, ₹350 in cash)'
	}),
	special({
		billerId: 'vodafone',
		identifier: '9784012012',
		consumerName: 'सुनीता देवी शर्मा',
		billNumber: 'VF2610012012',
		billDate: '2026-10-20',
		dueDate: '2026-11-10',
		amountPaise: 1_200,
		purpose: '₹12, overdue (the manual’s example): a ₹20 note pays it and ₹8 is credited'
	}),
	special({
		billerId: 'vodafone',
		identifier: '9784012012',
		consumerName: 'सुनीता देवी शर्मा',
		billNumber: 'VF2611012012',
		billDate: '2026-11-20',
		dueDate: '2026-12-10',
		amountPaise: 21_950,
		purpose: 'the next bill after ₹12: the ₹8 credit is applied'
	}),
	special({
		billerId: 'idea',
		identifier: '9772012099',
		consumerName: 'Devendra Singh Chauhan',
		billNumber: 'ID2611012099',
		billDate: '2026-11-01',
		dueDate: '2026-11-21',
		amountPaise: 49_900,
		paidAt: '2026-11-10T06:12:00.000Z',
		purpose: 'already paid'
	}),
	special({
		billerId: 'phed',
		identifier: '210300004599',
		consumerName: 'Bhanwar Lal Gurjar',
		billNumber: 'PH2611004599',
		billDate: '2026-11-01',
		dueDate: '2026-11-30',
		amountPaise: 28_640,
		paidAt: '2026-11-08T05:40:00.000Z',
		purpose: 'already paid'
	}),
	special({
		billerId: 'phed',
		identifier: '210300004598',
		consumerName: 'गोपाल लाल कुमावत',
		billNumber: 'PH2611004598',
		billDate: '2026-11-01',
		dueDate: '2026-11-30',
		amountPaise: 41_250,
		rejectsPostings: true,
		purpose: 'the biller refuses the posting: cash stays paid and is retried, a card is reversed'
	}),
	special({
		billerId: 'jvvnl',
		identifier: '210412000099',
		consumerName: 'Mahendra Singh Shekhawat',
		billNumber: 'JV2611000099',
		billDate: '2026-11-04',
		dueDate: '2026-11-28',
		amountPaise: 187_640,
		rejectsPostings: true,
		purpose: 'the biller refuses the posting: cash stays paid and is retried, a card is reversed'
	}),
	special({
		billerId: 'jvvnl',
		identifier: '210412000098',
		consumerName: 'Rajendra Prasad Swami',
		billNumber: 'JV2611000098',
		billDate: '2026-11-04',
		dueDate: '2026-11-28',
		amountPaise: 2_000_000,
		purpose: 'exactly the ₹20,000 cash limit: cash is still allowed'
	}),
	special({
		billerId: 'avvnl',
		identifier: '110212345699',
		consumerName: 'प्रकाश चन्द्र जैन',
		billNumber: 'AV2611345699',
		billDate: '2026-11-02',
		dueDate: '2026-11-26',
		amountPaise: 2_345_600,
		purpose: 'above the ₹20,000 cash limit: cards and Aadhaar only'
	}),
	special({
		billerId: 'jdvvnl',
		identifier: '410123456799',
		consumerName: 'Bhagirath Ram Jat',
		billNumber: 'JD2611456799',
		billDate: '2026-11-06',
		dueDate: '2026-11-30',
		amountPaise: 249_900,
		purpose: 'above ₹2,000: a debit card online pays the MDR'
	}),
	special({
		billerId: 'bsnl-landline',
		identifier: '01412745699',
		consumerName: 'Om Prakash Saini',
		billNumber: 'BL2609745699',
		billDate: '2026-09-01',
		dueDate: '2026-09-21',
		amountPaise: 118_000,
		purpose: 'two months overdue'
	}),
	special({
		billerId: 'kedl',
		identifier: '310512345601',
		consumerName: 'Imran Qureshi',
		billNumber: 'KE2611345601',
		billDate: '2026-11-02',
		dueDate: '2026-11-26',
		amountPaise: 164_000,
		purpose: 'the biller is down: nothing can be fetched or paid'
	})
];

const NAMES = [
	'Kailash Chand Saini',
	'गीता कंवर राठौड़',
	'Abdul Rashid Khan',
	'लक्ष्मी बिश्नोई',
	'Pooja Rathore',
	'हनुमान प्रसाद कुमावत',
	'Suresh Kumar Jat',
	'मोहनलाल प्रजापत',
	'Fatima Bano',
	'ओमप्रकाश माली',
	'Sunil Kumar Choudhary',
	'संतोष कुमारी यादव',
	'Manju Devi Meghwal',
	'कमला देवी बैरवा',
	'Vikram Singh Rathore',
	'भगवती देवी पारीक'
] as const;

const AMOUNTS_PAISE = {
	telecom: [39_900, 58_982, 29_900, 74_950, 118_000, 44_900, 64_837, 99_900],
	water: [18_500, 32_460, 15_000, 47_825, 26_300, 81_240, 21_000, 38_975],
	electricity: [145_600, 287_350, 96_400, 512_080, 63_250, 1_234_500, 208_760, 389_940]
} as const;

/** Eight ordinary consumers per biller, one bill each: enough for every mode in both languages. */
const ORDINARY_CONSUMERS_PER_BILLER = 8;

const ORDINARY = [
	{ billerId: 'airtel', prefix: 'AT', category: 'telecom', identifier: (n: number) => `98290120${pad(n)}` },
	{ billerId: 'vodafone', prefix: 'VF', category: 'telecom', identifier: (n: number) => `97840120${pad(n)}` },
	{ billerId: 'idea', prefix: 'ID', category: 'telecom', identifier: (n: number) => `97720120${pad(n)}` },
	{ billerId: 'phed', prefix: 'PH', category: 'water', identifier: (n: number) => `2103000045${pad(n)}` },
	{ billerId: 'jvvnl', prefix: 'JV', category: 'electricity', identifier: (n: number) => `2104120000${pad(n)}` },
	{ billerId: 'avvnl', prefix: 'AV', category: 'electricity', identifier: (n: number) => `1102123456${pad(n)}` },
	{ billerId: 'jdvvnl', prefix: 'JD', category: 'electricity', identifier: (n: number) => `4101234567${pad(n)}` },
	{ billerId: 'bsnl-landline', prefix: 'BL', category: 'telecom', identifier: (n: number) => `014127456${pad(n)}` },
	{ billerId: 'bsnl-mobile', prefix: 'BM', category: 'telecom', identifier: (n: number) => `94140120${pad(n)}` }
] as const;

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

const ORDINARY_BILLS: readonly DemoBill[] = ORDINARY.flatMap((biller, billerIndex) =>
	Array.from({ length: ORDINARY_CONSUMERS_PER_BILLER }, (_, index): DemoBill => {
		const n = index + 1;
		const identifier = biller.identifier(n);
		return {
			billerId: biller.billerId,
			identifier,
			consumerName: NAMES[(billerIndex * 3 + index) % NAMES.length]!,
			billNumber: `${biller.prefix}2611${identifier.slice(-6)}`,
			billDate: `2026-11-0${n}`,
			// Every third bill is already overdue.
			dueDate: n % 3 === 0 ? `2026-11-1${n}` : `2026-12-0${n}`,
			amountPaise: AMOUNTS_PAISE[biller.category][index]!,
			paidAt: null,
			rejectsPostings: false,
			purpose: ''
		};
	})
);

/** Every bill the reference biller holds in the demo. */
export const DEMO_BILLS: readonly DemoBill[] = [...SPECIAL_BILLS, ...ORDINARY_BILLS];
