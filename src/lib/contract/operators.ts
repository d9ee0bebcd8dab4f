import * as v from 'valibot';

/** The operator console's calls to the hub; each also carries the kiosk's own session token. */
export const OPERATOR_API_PATHS = {
	login: '/api/v1/operator/login',
	logout: '/api/v1/operator/logout',
	session: '/api/v1/operator/session',
	pin: '/api/v1/operator/pin',
	lock: '/api/v1/operator/lock',
	unlock: '/api/v1/operator/unlock',
	console: '/api/v1/operator/console',
	cashBoxEmptied: '/api/v1/operator/cash-box-emptied',
	restart: '/api/v1/operator/restart'
} as const;

export const OPERATOR_REFUSALS = [
	'operator_unauthenticated',
	'operator_session_expired',
	'operator_locked',
	'operator_not_authorized_for_kiosk',
	'wrong_role',
	'credentials_invalid',
	'pin_invalid',
	'pin_not_set',
	'payment_in_progress'
] as const;
export type OperatorRefusal = (typeof OPERATOR_REFUSALS)[number];

export const ssoId = v.pipe(
	v.string(),
	v.transform((text) => text.trim().toUpperCase()),
	v.nonEmpty('required'),
	v.maxLength(40, 'format'),
	v.regex(/^[A-Z0-9._]+$/, 'format')
);

/** Never echoed back: refusals name the field and the rule, not what was typed. */
const password = v.pipe(v.string('required'), v.nonEmpty('required'), v.maxLength(200, 'format'));

export const loginRequest = v.object({ ssoId, password });
export type LoginRequest = v.InferOutput<typeof loginRequest>;

export const pinRequest = v.object({ pin: v.pipe(v.string('format'), v.regex(/^\d{4,6}$/, 'format')) });

export const OPERATOR_ROLES = ['kiosk-operator', 'lsp-kiosk-admin', 'programme-admin'] as const;
export type OperatorRoleName = (typeof OPERATOR_ROLES)[number];
/** Who may use a machine's console: the operator mapped to it, whichever of these roles they hold. */
export const CONSOLE_ROLES: readonly OperatorRoleName[] = ['kiosk-operator', 'lsp-kiosk-admin'];

export interface OperatorSessionView {
	operator: { ssoId: string; name: string; role: OperatorRoleName };
	kioskCode: string;
	locked: boolean;
	pinSet: boolean;
}

export interface ConsoleView {
	kiosk: { code: string; district: string; place: string };
	wallet: {
		balancePaise: number;
		heldPaise: number;
		ledger: { at: string; kind: string; amountPaise: number; balanceAfterPaise: number; paymentId: string | null }[];
	};
	today: {
		date: string;
		transactions: { id: string; at: string; biller: { en: string; hi: string }; mode: string; amountPaise: number; status: string }[];
		/** Payments that reached the biller (posted) or are being posted (paid), by mode. */
		totals: { mode: string; count: number; paise: number }[];
		count: number;
		paise: number;
	};
	cashBox: {
		notes: number;
		amountPaise: number;
		since: string | null;
		lastEmptied: { at: string; by: string; notes: number; amountPaise: number } | null;
	};
	paymentsInProgress: number;
}
