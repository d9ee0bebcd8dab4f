import * as v from 'valibot';
import { billerInfo, type BillerInfo } from '$lib/contract';

/** Airtel Postpaid as the hub lists it: the bill's own mobile number identifies it. */
export const AIRTEL: BillerInfo = v.parse(billerInfo, {
	id: 'airtel',
	name: { en: 'Airtel Postpaid', hi: 'एयरटेल पोस्टपेड' },
	category: 'telecom',
	identifier: {
		label: { en: 'Mobile number of the bill', hi: 'बिल का मोबाइल नंबर' },
		pattern: '^[6-9]\\d{9}$',
		length: 10,
		isMobile: true
	},
	mobileRequired: false,
	cashLimitPaise: null,
	available: true
});

/** PHED (water) as the hub lists it: a 12-digit CID, and the citizen's mobile is required. */
export const PHED: BillerInfo = v.parse(billerInfo, {
	id: 'phed',
	name: { en: 'Public Health Engineering Department (water)', hi: 'जन स्वास्थ्य अभियांत्रिकी विभाग' },
	category: 'water',
	identifier: { label: { en: 'CID number', hi: 'सीआईडी नंबर' }, pattern: '^\\d{12}$', length: 12, isMobile: false },
	mobileRequired: true,
	cashLimitPaise: null,
	available: true
});
