import type { Kiosk, Operator } from '$lib/server/db/schema';

const ENROLLED_AT = '2026-04-01T04:30:00.000Z';

/**
 * Demo machines in different districts. K1234567 is the browser tests' kiosk; K4521096's
 * operator has almost nothing in the wallet; K5630281 is revoked; K6104735 has no operator.
 */
export const DEMO_KIOSKS: readonly Kiosk[] = [
	{
		code: 'K1234567',
		serial: 'LIPI-EMP-18-004512',
		vendor: 'lipi',
		district: 'Jaipur',
		place: 'e-Mitra Plus, Collectorate Circle, Jaipur',
		kind: 'urban',
		software_version: '2.4.0',
		status: 'active',
		created_at: ENROLLED_AT
	},
	{
		code: 'K2045318',
		serial: 'ECON-KSK-18-017733',
		vendor: 'econnect',
		district: 'Ajmer',
		place: 'Atal Seva Kendra, Gram Panchayat Pisangan',
		kind: 'atal-seva-kendra',
		software_version: '2.4.0',
		status: 'active',
		created_at: ENROLLED_AT
	},
	{
		code: 'K3187402',
		serial: 'PYRO-EMP-19-002208',
		vendor: 'pyrotech',
		district: 'Jodhpur',
		place: 'e-Mitra Plus, Paota Circle, Jodhpur',
		kind: 'urban',
		software_version: '2.4.0',
		status: 'active',
		created_at: ENROLLED_AT
	},
	{
		code: 'K4521096',
		serial: 'LIPI-EMP-18-009841',
		vendor: 'lipi',
		district: 'Bikaner',
		place: 'Atal Seva Kendra, Gram Panchayat Nokha',
		kind: 'atal-seva-kendra',
		software_version: '2.3.1',
		status: 'active',
		created_at: ENROLLED_AT
	},
	{
		code: 'K5630281',
		serial: 'ECON-KSK-18-020415',
		vendor: 'econnect',
		district: 'Udaipur',
		place: 'e-Mitra Plus, Chetak Circle, Udaipur',
		kind: 'urban',
		software_version: '2.1.0',
		status: 'revoked',
		created_at: ENROLLED_AT
	},
	{
		code: 'K6104735',
		serial: 'PYRO-EMP-19-005127',
		vendor: 'pyrotech',
		district: 'Kota',
		place: 'Atal Seva Kendra, Gram Panchayat Kaithoon',
		kind: 'atal-seva-kendra',
		software_version: '2.4.0',
		status: 'active',
		created_at: ENROLLED_AT
	}
];

/** The machine operators (their demo password is `DEMO_PASSWORD`). */
export const DEMO_OPERATORS: readonly Omit<Operator, 'password_hash'>[] = [
	{ sso_id: 'SURESHSHARMA1984', name: 'Suresh Kumar Sharma', role: 'lsp-kiosk-admin', created_at: ENROLLED_AT },
	{ sso_id: 'MEENAKUMARI1990', name: 'मीना कुमारी रावत', role: 'kiosk-operator', created_at: ENROLLED_AT },
	{ sso_id: 'ARJUNSINGH1987', name: 'Arjun Singh Bhati', role: 'kiosk-operator', created_at: ENROLLED_AT },
	{ sso_id: 'RAJURAM1992', name: 'राजू राम बिश्नोई', role: 'kiosk-operator', created_at: ENROLLED_AT },
	// Not mapped to any machine yet: for mapping and changing operators.
	{ sso_id: 'PRIYAJOSHI1995', name: 'Priya Joshi', role: 'kiosk-operator', created_at: ENROLLED_AT },
	{ sso_id: 'VIKRAMMEENA1988', name: 'विक्रम मीणा', role: 'kiosk-operator', created_at: ENROLLED_AT },
	{ sso_id: 'SUNITAKANWAR1993', name: 'सुनीता कंवर', role: 'lsp-kiosk-admin', created_at: ENROLLED_AT },
	// The programme office (logs in at /admin, never at a machine).
	{ sso_id: 'PODIRECTOR2026', name: 'Anita Rathore (Programme Office)', role: 'programme-admin', created_at: ENROLLED_AT }
];

/** Every demo account's password, for testers only (listed in the README). */
export const DEMO_PASSWORD = 'Emitra@2026';

/** The PIN SURESHSHARMA1984 already set on K1234567, so the browser tests re-enter with it. */
export const DEMO_PIN = { ssoId: 'SURESHSHARMA1984', kioskCode: 'K1234567', pin: '2468' } as const;

/**
 * One-time enrolment codes the demo machines are waiting for (the installer types one on the
 * machine's first start). K5630281 is revoked and gets none.
 */
export const DEMO_ENROLMENT_CODES: Readonly<Record<string, string>> = {
	K1234567: 'JPR4-KQ2M-7XWH',
	K2045318: 'AJM5-PZ8N-3RTC',
	K3187402: 'JDH6-WV4L-9MSB',
	K4521096: 'BKN7-XR3F-5HQA',
	K6104735: 'KTA8-MN6D-2YPE'
};

/** Kiosk code → operator SSO ID, and the operator's opening wallet balance. */
export const DEMO_KIOSK_OPERATORS: readonly { kioskCode: string; ssoId: string; walletPaise: number }[] = [
	{ kioskCode: 'K1234567', ssoId: 'SURESHSHARMA1984', walletPaise: 20_000_000 },
	{ kioskCode: 'K2045318', ssoId: 'MEENAKUMARI1990', walletPaise: 5_000_000 },
	{ kioskCode: 'K3187402', ssoId: 'ARJUNSINGH1987', walletPaise: 10_000_000 },
	// ₹15: any cash bill above that is refused with wallet_insufficient.
	{ kioskCode: 'K4521096', ssoId: 'RAJURAM1992', walletPaise: 1_500 }
];
