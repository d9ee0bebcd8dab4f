import * as v from 'valibot';
import { certificateDocument, janAadhaarFamily, type CertificateDocument, type JanAadhaarFamily } from '$lib/contract';

/** An issued birth certificate as a department lookup answers it; checked against the real schema. */
export const CERTIFICATE: CertificateDocument = v.parse(certificateDocument, {
	kind: 'certificate',
	transactionId: '2611230005',
	type: { id: 'birth', name: { en: 'Birth Certificate', hi: 'जन्म प्रमाण पत्र' } },
	department: { en: 'Directorate', hi: 'निदेशालय' },
	certificateNumber: 'B-1',
	holderName: { en: 'Aarav Rathore', hi: 'आरव राठौड़' },
	relation: { en: 'Son of', hi: 'पुत्र' },
	address: { en: 'Jaipur', hi: 'जयपुर' },
	particulars: [],
	office: { en: 'Registrar', hi: 'रजिस्ट्रार' },
	appliedOn: '2026-08-20',
	issuedOn: '2026-09-01',
	verificationUrl: 'http://hub.test/api/v1/documents/certificate/B-1/verify'
});

/** A Jan Aadhaar family as the hub answers it: names masked, one member with a mobile, one without. */
export const FAMILY: JanAadhaarFamily = v.parse(janAadhaarFamily, {
	janAadhaarId: '1041234567',
	members: [
		{
			memberId: 'M1',
			nameMasked: { en: 'S***** D*** S*****', hi: 'सु**** दे** श****' },
			relation: 'head',
			yearOfBirth: 1978,
			mobileMasked: 'XXXXXX2345'
		},
		{
			memberId: 'M2',
			nameMasked: { en: 'R***** P***** S*****', hi: 'रा**** प्र**** श****' },
			relation: 'son',
			yearOfBirth: 2001,
			mobileMasked: null
		}
	]
});
