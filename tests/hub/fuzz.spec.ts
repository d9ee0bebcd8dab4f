// Property-based requests against every hub endpoint (src/routes/api/v1/**) and the programme
// office's form actions and filtered pages, on the built hub over HTTP, on each database engine.
// Requests are made by fast-check from each endpoint's valid request: wrong types, missing and
// extra fields, huge and exotic strings, impossible amounts, bad JSON and content types, bad
// percent-encodings in the path, bad and foreign tokens, bad idempotency keys.
//
// Oracles, for every answer: status < 500; no stack trace, file path or database error in the
// body; under /api/v1, a refusal (≥ 400) is the API's JSON `{error:{code,message}}` with a code the
// hub documents (`ApiErrorCode`). For every chunk of requests: a chunk that was refused entirely
// left the database as it was, bookkeeping of refusals aside (listed below with the reason); a
// chunk with an accepted request changed only what its endpoint may change.
//
// The cases are drawn with fc.sample and run by the loop below rather than by fc.assert, so that
// every kind of failure of every endpoint is reported (fc.assert stops at the first), each with
// the smallest request that showed it, and so that the database is compared per chunk.
//
// FUZZ_CASES sets the cases per endpoint and engine (npm test: a few; npm run fuzz: 1,000);
// FUZZ_SEED replays a run (the seed is printed at the end).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ERROR_SOURCE, documentedApiErrorCodes } from './api-error-codes';
import {
	adminCookie,
	changedTables,
	enrolNewMachine,
	hubs,
	ignoring,
	jsonOf,
	kioskHeaders,
	openDatabase,
	operatorCookie,
	OWN_MACHINES,
	send,
	TEST_KIOSKS,
	type HubAnswer,
	type HubDatabase,
	type HubInfo,
	type HubRequest,
	type Ignored,
	type Row
} from './harness';
import {
	anonymousAuth,
	bodyFor,
	contentType,
	encodeSegment,
	formFor,
	fromPlain,
	headerText,
	idempotencyKey,
	kioskAuth,
	kioskVersion,
	method,
	nastyString,
	query,
	replayHeader,
	segment,
	type Auth,
	type Body
} from './fuzz-arbitraries';
import { apiRoutes } from './routes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Cases per endpoint and engine. The default is npm test's share: the whole file in about 40 s on two cores. */
const CASES = Number(process.env.FUZZ_CASES ?? 12);
if (!Number.isSafeInteger(CASES) || CASES < 1) throw new Error(`FUZZ_CASES must be a whole number ≥ 1, not ${process.env.FUZZ_CASES}`);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
/** Requests between two looks at the database. */
const CHUNK = 10;

// ——— Oracles ———

const DOCUMENTED = documentedApiErrorCodes();
const DOCUMENTED_CODES = new Set(DOCUMENTED.codes);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What no answer may show: how the hub is built and where, or what its database said. */
const LEAKS: [string, RegExp][] = [
	['a stack frame', /\bat (?:async )?[^\s()]*\s?\(?(?:file:\/\/|node:|\/)[^\s)]*:\d+:\d+/],
	['node_modules', /node_modules/],
	['a source path', /\/src\/(?:lib|routes|hooks)/],
	['a file URL', /file:\/\//],
	['a path of the hub machine', new RegExp(`${escapeRegExp(root)}|${escapeRegExp(tmpdir())}/`)],
	[
		'a database error',
		/SQLITE_|SqliteError|syntax error at or near|violates (?:foreign key|unique|not-null|check) constraint|duplicate key value|relation "[^"]+" does not exist|invalid input syntax for|PreventCommandIfReadOnly/
	]
];

/**
 * Rows and tables that change when a request is refused, by design. Anything else a refused
 * request changes is a finding.
 */
const BOOKKEEPING: Ignored = {
	// Every limited try is counted before the secret it guards is checked (src/lib/server/limits):
	// a refused login, enrolment code, lookup or anonymous request still spends a hit.
	rate_counters: true,
	// Refused logins are audited (operator.login_refused, src/lib/server/operators/sessions.ts);
	// any other new audit row is a change.
	audit_log: { rows: (row) => row.action === 'operator.login_refused' },
	// A refused payment command's answer is stored under its Idempotency-Key (Stripe's semantics,
	// src/lib/server/payments/idempotency.ts), so that a retry gets the same refusal.
	idempotency_keys: { rows: (row) => Number(row.response_status) >= 400 }
};

/** What the PIN and OTP endpoints count before checking the secret, on the rows they guard. */
const PIN_TRIES: Ignored = {
	// The try is counted on the session row, and the fifth wrong PIN ends the session.
	operator_sessions: { columns: ['pin_failures', 'ended_at'] },
	audit_log: { rows: (row) => row.action === 'operator.session_ended_by_pin_failures' }
};
const OTP_TRIES: Ignored = {
	// A wrong OTP costs a try (the last one fails the change), and each wrong OTP or unmatched
	// fingerprint is in the change's append-only trail.
	mobile_changes: { columns: ['otp_attempts_left', 'status', 'failure'] },
	mobile_change_audit: { rows: (row) => ['otp_incorrect', 'fingerprint_mismatch'].includes(String(row.event)) }
};

interface Problem {
	oracle: string;
	/** Groups the same failure: the oracle and what was seen (a status, a code, a leak). */
	signature: string;
	seen: string;
}

const underApi = (requestPath: string) => /^\/api\/v1(\/|$)/.test(new URL(requestPath, 'http://hub').pathname);

/** The oracles one answer must meet. */
function problemsOf(target: Target, request: FuzzRequest, answer: HubAnswer): Problem[] {
	const problems: Problem[] = [];
	const excerpt = answer.body.slice(0, 300).replace(/\s+/g, ' ');
	if (answer.status >= 500) problems.push({ oracle: 'status ≥ 500', signature: `${answer.status}`, seen: `${answer.status} ${excerpt}` });
	for (const [name, pattern] of LEAKS) {
		const match = pattern.exec(answer.body);
		if (match)
			problems.push({
				oracle: `${name} in the body`,
				signature: name,
				seen: `${answer.status} …${answer.body.slice(Math.max(0, match.index - 80), match.index + 120)}…`
			});
	}
	// (A 500 is reported as such; its body's shape is the least of it.) The API is what the path
	// names once normalised as the router does: `/api/v1/..` is `/api/`, which is not the API.
	if (target.api && underApi(request.path) && answer.status >= 400 && answer.status < 500 && request.method !== 'HEAD') {
		const error = (jsonOf(answer) as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
		const type = String(answer.headers['content-type'] ?? '(no content-type)');
		if (typeof error?.code !== 'string' || typeof error.message !== 'string') {
			problems.push({
				oracle: 'not the API error JSON',
				signature: `${answer.status} ${type.split(';')[0]}`,
				seen: `${answer.status} ${type}: ${excerpt}`
			});
		} else if (!DOCUMENTED_CODES.has(error.code)) {
			problems.push({
				oracle: 'an undocumented error code',
				signature: `${answer.status} ${error.code}`,
				seen: `${answer.status} ${excerpt}`
			});
		}
	}
	return problems;
}

// ——— Requests ———

type Cookie = { kind: 'none' } | { kind: 'operator' } | { kind: 'admin' } | { kind: 'raw'; cookie: string };

/** A request with its sessions named, not yet given: the runner fills in tokens and cookies. */
interface FuzzRequest {
	method: string;
	path: string;
	auth: Auth;
	cookie: Cookie;
	headers: Record<string, string>;
	body: Body;
	/** The endpoint's valid body, which a failing request's body is replaced by when it is made smaller. */
	validBody?: Body;
}

/** Everything of the hub's data the requests are made from (read once per engine). */
interface FuzzContext {
	version: string;
	hubUrl: string;
	billerIds: string[];
	bills: { billerId: string; identifier: string; billNumber: string }[];
	/** The fuzzed kiosk's own payments (a posted demo one and the live ones made for the fuzz), and another kiosk's. */
	payments: { own: string[]; cash: string; card: string; cardOnline: string; aadhaar: string; other: string };
	certificates: { number: string; transactionId: string; typeId: string }[];
	exams: { year: string; roll: string }[];
	members: { memberId: string; familyId: string }[];
	land: { villageCode: string; khasra: string }[];
	districts: string[];
	tehsils: string[];
	printOrder: string;
	mobileChange: string;
	/** The demo accounts' SSO IDs. */
	operators: string[];
}

/** The machine the kiosk endpoints are fuzzed as. */
const KIOSK = 'K1234567';
/**
 * The fuzz's own machine and operator for the console endpoints (made in `fuzzContext`): what the
 * fuzz does there — PINs set and tried, sessions ended — touches no other test.
 */
const { kioskCode: CONSOLE_KIOSK, operator: CONSOLE_OPERATOR } = OWN_MACHINES.fuzzConsole;
/** The machines the requests sign in as. */
const FUZZ_KIOSKS = [...TEST_KIOSKS, CONSOLE_KIOSK];
/** The machines no programme office action of the fuzz may touch: every machine a hub test signs in as. */
const PROTECTED_MACHINES = [...TEST_KIOSKS, ...Object.values(OWN_MACHINES).map((machine) => machine.kioskCode)];
/** Operator logins are fuzzed at the machine without an operator, so no login there can succeed. */
const LOGIN_KIOSK = 'K6104735';

interface Target {
	/** `METHOD /route` as written in src/routes, or a programme office request. */
	name: string;
	/** The API routes and methods it covers (for the check that none is left out). */
	covers: string[];
	/** Under /api/v1: its refusals must be the API's JSON. */
	api: boolean;
	/** What an accepted request may change. */
	mayWrite?: readonly string[];
	/** Bookkeeping of refusals particular to this endpoint. */
	ignored?: Ignored;
	/** Sent from 127.0.0.2… in turn: limits per client address that cannot be raised are spread (enrolment, admin login). */
	spreadAddresses?: boolean;
	/** Needs a session of its own, made before its cases: the console's operator, or the programme office. */
	sessions?: ('operator' | 'admin')[];
	build(context: FuzzContext): fc.Arbitrary<FuzzRequest>;
}

const none: Body = { shown: '(none)' };

interface ApiSpec {
	method: string;
	/** As in src/routes: `/api/v1/payments/[id]/notes`. */
	route: string;
	params?: Record<string, readonly string[]>;
	auth: fc.Arbitrary<Auth>;
	cookie?: fc.Arbitrary<Cookie>;
	/** The path, when it is not made from the route's parameters. */
	path?: fc.Arbitrary<string>;
	/** The valid body; undefined for an endpoint that reads none. */
	body?: unknown;
	idempotent?: boolean;
	replay?: boolean;
}

/** Requests for one API endpoint, made from its valid request. */
function apiRequest(context: FuzzContext, spec: ApiSpec): fc.Arbitrary<FuzzRequest> {
	const segments = spec.route
		.split('/')
		.slice(1)
		.map((part) => {
			const parameter = /^\[(\w+)\]$/.exec(part)?.[1];
			return parameter === undefined ? fc.constant(part) : segment(spec.params?.[parameter] ?? ['x']);
		});
	const reads = spec.body !== undefined;
	const validText = reads ? JSON.stringify(spec.body) : undefined;
	const validBody: Body | undefined = validText === undefined ? undefined : { bytes: Buffer.from(validText), shown: validText };
	const body = reads
		? bodyFor(fromPlain(spec.body))
		: fc.oneof({ weight: 6, arbitrary: fc.constant(none) }, { weight: 1, arbitrary: bodyFor(undefined) });
	return fc
		.record({
			method: method(spec.method),
			path: spec.path ?? fc.tuple(...segments).map((parts) => `/${parts.join('/')}`),
			query,
			auth: spec.auth,
			cookie: spec.cookie ?? fc.constant<Cookie>({ kind: 'none' }),
			contentType: reads ? contentType : fc.option(contentType, { freq: 6 }).map((type) => type ?? undefined),
			version: kioskVersion(context.version),
			key: spec.idempotent ? idempotencyKey : fc.constant(undefined),
			replay: spec.replay ? replayHeader : fc.constant(undefined),
			body
		})
		.map((request) => {
			const headers: Record<string, string> = {};
			if (request.contentType !== undefined) headers['content-type'] = request.contentType;
			if (request.version !== undefined) headers['x-kiosk-version'] = request.version;
			if (request.key !== undefined) headers['idempotency-key'] = request.key;
			if (request.replay !== undefined) headers['x-kiosk-replay'] = request.replay;
			return {
				method: request.method,
				path: `${request.path}${request.query}`,
				auth: request.auth,
				cookie: request.cookie,
				headers,
				body: request.body,
				validBody
			};
		});
}

/** Cookies for the operator console: the fuzz's own operator session (mostly) or none, the programme office's, junk. */
function consoleCookie(valid: boolean): fc.Arbitrary<Cookie> {
	return fc.oneof(
		{ weight: valid ? 6 : 0, arbitrary: fc.constant<Cookie>({ kind: 'operator' }) },
		{ weight: 1, arbitrary: fc.constant<Cookie>({ kind: 'none' }) },
		{ weight: 1, arbitrary: fc.constant<Cookie>({ kind: 'admin' }) },
		{
			weight: 1,
			arbitrary: fc
				.oneof(headerText, fc.stringMatching(/^[A-Za-z0-9_-]{43}$/))
				.map((text): Cookie => ({ kind: 'raw', cookie: `emitra_operator=${text}` }))
		}
	);
}

const PAYMENT_WRITES = [
	'payments',
	'payment_notes',
	'payment_audit',
	'idempotency_keys',
	'operator_wallets',
	'wallet_ledger',
	'credit_accounts',
	'credit_ledger',
	'vouchers',
	'reversals',
	'sms_outbox',
	'reference_postings',
	'reference_bills',
	'reference_card_sessions'
];

const VALID_HEARTBEAT = {
	devices: { noteAcceptor: 'ready', printerPaper: 'ok', rdService: 'ready', cardTerminal: 'connected' },
	queuedPayments: { queued: 0, oldestQueuedAt: null, deadLetters: 0 },
	lastTransactionAt: '2026-01-01T00:00:00.000Z'
};

const kioskOf = (code: string) =>
	kioskAuth(
		code,
		FUZZ_KIOSKS.filter((other) => other !== code)
	);

/** The API endpoints, each with what a valid request to it looks like. */
function apiTargets(): Target[] {
	const api = (name: string, build: Target['build'], options: Partial<Target> = {}): Target => ({
		name,
		covers: [name],
		api: true,
		build,
		...options
	});
	const get = (route: string, params?: (context: FuzzContext) => Record<string, readonly string[]>, options: Partial<Target> = {}) =>
		api(
			`GET ${route}`,
			(context) => apiRequest(context, { method: 'GET', route, params: params?.(context), auth: anonymousAuth }),
			options
		);
	const paymentCommand = (
		route: string,
		body: (context: FuzzContext) => unknown,
		ids: (context: FuzzContext) => string[],
		options: Partial<Target> = {}
	) =>
		api(
			`POST ${route}`,
			(context) =>
				apiRequest(context, {
					method: 'POST',
					route,
					params: { id: ids(context) },
					auth: kioskOf(KIOSK),
					body: body(context),
					idempotent: true
				}),
			{ mayWrite: PAYMENT_WRITES, ...options }
		);
	const consoleCall = (verb: string, route: string, options: { validCookie: boolean; body?: unknown } & Partial<Target>) =>
		api(
			`${verb} ${route}`,
			(context) =>
				apiRequest(context, {
					method: verb,
					route,
					auth: kioskOf(CONSOLE_KIOSK),
					cookie: consoleCookie(options.validCookie),
					body: options.body
				}),
			{ sessions: ['operator', 'admin'], ...options }
		);
	return [
		get('/api/v1/health'),
		get('/api/v1/billers'),
		api('POST /api/v1/billers/[billerId]/bill', (context) =>
			apiRequest(context, {
				method: 'POST',
				route: '/api/v1/billers/[billerId]/bill',
				params: { billerId: context.billerIds },
				auth: kioskOf(KIOSK),
				body: { identifier: context.bills[0]!.identifier, mobile: '9876543210', email: 'citizen@example.in' }
			})
		),
		get('/api/v1/documents/[kind]/[number]/verify', (context) => ({
			kind: ['certificate', 'marksheet'],
			number: [
				...context.certificates.map((certificate) => certificate.number),
				...context.exams.map((exam) => `${exam.year}-${exam.roll}`)
			]
		})),
		api(
			'POST /api/v1/jan-aadhaar/mobile-changes',
			(context) =>
				apiRequest(context, {
					method: 'POST',
					route: '/api/v1/jan-aadhaar/mobile-changes',
					auth: kioskOf(KIOSK),
					body: {
						janAadhaarId: context.members[0]!.familyId,
						memberId: context.members[0]!.memberId,
						newMobile: '9876500001',
						language: 'en'
					}
				}),
			{ mayWrite: ['mobile_changes', 'mobile_change_audit', 'sms_outbox'] }
		),
		api(
			'POST /api/v1/jan-aadhaar/mobile-changes/[id]/verify',
			(context) =>
				apiRequest(context, {
					method: 'POST',
					route: '/api/v1/jan-aadhaar/mobile-changes/[id]/verify',
					params: { id: [context.mobileChange, 'MC000000000000'] },
					auth: kioskOf(KIOSK),
					body: { otp: '123456', pidBlock: '<PidData><Resp errCode="0"/><Data type="X">AAAA</Data></PidData>' }
				}),
			{ mayWrite: ['mobile_changes', 'mobile_change_audit', 'sms_outbox', 'reference_jan_aadhaar_members'], ignored: OTP_TRIES }
		),
		api(
			'POST /api/v1/kiosk/challenge',
			(context) =>
				apiRequest(context, { method: 'POST', route: '/api/v1/kiosk/challenge', auth: anonymousAuth, body: { kioskCode: KIOSK } }),
			{ mayWrite: ['kiosk_challenges'] }
		),
		api(
			'POST /api/v1/kiosk/enrol',
			(context) =>
				apiRequest(context, {
					method: 'POST',
					route: '/api/v1/kiosk/enrol',
					auth: anonymousAuth,
					// The demo code K1234567 was enrolled with: used, so no case can enrol anything.
					body: { enrolmentCode: 'JPR4-KQ2M-7XWH', publicKey: testPublicKey() }
				}),
			{ spreadAddresses: true }
		),
		api(
			'POST /api/v1/kiosk/heartbeat',
			(context) =>
				apiRequest(context, {
					method: 'POST',
					route: '/api/v1/kiosk/heartbeat',
					auth: kioskOf(KIOSK),
					body: VALID_HEARTBEAT
				}),
			{ mayWrite: ['kiosk_heartbeats', 'kiosks'] }
		),
		api('POST /api/v1/kiosk/session', (context) =>
			apiRequest(context, {
				method: 'POST',
				route: '/api/v1/kiosk/session',
				auth: anonymousAuth,
				body: { kioskCode: KIOSK, nonce: 'n'.repeat(43), signature: 'A'.repeat(86) }
			})
		),
		api(
			'POST /api/v1/operator/login',
			(context) =>
				// Every demo account with its right password: at a machine without an operator, each is refused.
				fc.constantFrom(...context.operators).chain((ssoId) =>
					apiRequest(context, {
						method: 'POST',
						route: '/api/v1/operator/login',
						auth: kioskAuth(LOGIN_KIOSK, [LOGIN_KIOSK]),
						body: { ssoId, password: 'Emitra@2026' }
					})
				),
			{ mayWrite: ['operator_sessions'] }
		),
		consoleCall('GET', '/api/v1/operator/console', { validCookie: true }),
		consoleCall('GET', '/api/v1/operator/session', { validCookie: true }),
		consoleCall('POST', '/api/v1/operator/pin', { validCookie: true, body: { pin: '1357' }, mayWrite: ['operator_pins', 'audit_log'] }),
		consoleCall('POST', '/api/v1/operator/unlock', {
			validCookie: true,
			body: { pin: '1357' },
			mayWrite: ['operator_sessions'],
			ignored: PIN_TRIES
		}),
		consoleCall('POST', '/api/v1/operator/restart', { validCookie: true, mayWrite: ['audit_log'] }),
		consoleCall('POST', '/api/v1/operator/cash-box-emptied', { validCookie: true, mayWrite: ['cash_box_emptyings', 'audit_log'] }),
		// With the valid cookie these would lock or end the session the other cases use.
		consoleCall('POST', '/api/v1/operator/lock', { validCookie: false }),
		consoleCall('POST', '/api/v1/operator/logout', { validCookie: false }),
		api(
			'POST /api/v1/payments',
			(context) =>
				fc.constantFrom(...context.bills).chain((bill) =>
					apiRequest(context, {
						method: 'POST',
						route: '/api/v1/payments',
						auth: kioskOf(KIOSK),
						body: { ...bill, mobile: '9876543210', email: 'citizen@example.in', language: 'en', mode: 'cash' },
						idempotent: true,
						replay: true
					})
				),
			{ mayWrite: PAYMENT_WRITES }
		),
		api('GET /api/v1/payments/[id]', (context) =>
			apiRequest(context, {
				method: 'GET',
				route: '/api/v1/payments/[id]',
				params: { id: [...context.payments.own, context.payments.other] },
				auth: kioskOf(KIOSK)
			})
		),
		paymentCommand(
			'/api/v1/payments/[id]/notes',
			() => ({ valuePaise: 10_000 }),
			(context) => [context.payments.cash, context.payments.card, context.payments.other]
		),
		paymentCommand(
			'/api/v1/payments/[id]/complete',
			() => ({}),
			(context) => [context.payments.cash, context.payments.card, context.payments.other]
		),
		paymentCommand(
			'/api/v1/payments/[id]/cancel',
			() => ({ reason: 'citizen' }),
			(context) => [context.payments.cash, context.payments.cardOnline, context.payments.other]
		),
		paymentCommand(
			'/api/v1/payments/[id]/approval',
			() => ({
				mode: 'card',
				authCode: 'A1B2C3',
				rrn: '123456789012',
				maskedPan: '607384XXXXXX4947',
				cardType: 'rupay',
				amountPaise: 100
			}),
			(context) => [context.payments.card, context.payments.aadhaar, context.payments.other]
		),
		paymentCommand(
			'/api/v1/payments/[id]/card-online/start',
			() => ({ cardNumber: '4111111111111111', expiryMonth: 12, expiryYear: 2030 }),
			(context) => [context.payments.cardOnline, context.payments.cash, context.payments.other]
		),
		paymentCommand(
			'/api/v1/payments/[id]/card-online/otp',
			() => ({ otp: '123457' }),
			(context) => [context.payments.cardOnline, context.payments.other]
		),
		paymentCommand(
			'/api/v1/payments/[id]/aadhaar',
			() => ({ aadhaarNumber: '999941057058', bankIin: '607094', pidBlock: '<PidData><Resp errCode="0"/></PidData>' }),
			(context) => [context.payments.aadhaar, context.payments.cash, context.payments.other]
		),
		get('/api/v1/payments/aadhaar-banks'),
		api('GET /api/v1/payments/sms-outbox', (context) =>
			apiRequest(context, { method: 'GET', route: '/api/v1/payments/sms-outbox', auth: kioskOf(KIOSK) })
		),
		api(
			'POST /api/v1/print-orders',
			(context) =>
				apiRequest(context, {
					method: 'POST',
					route: '/api/v1/print-orders',
					auth: kioskOf(KIOSK),
					body: {
						document: {
							kind: 'certificate',
							typeId: context.certificates[0]!.typeId,
							transactionId: context.certificates[0]!.transactionId
						},
						language: 'hi'
					}
				}),
			{ mayWrite: ['print_orders', ...PAYMENT_WRITES] }
		),
		api(
			'POST /api/v1/print-orders/[id]/attempts',
			(context) =>
				apiRequest(context, {
					method: 'POST',
					route: '/api/v1/print-orders/[id]/attempts',
					params: { id: [context.printOrder, '1'] },
					auth: kioskOf(KIOSK),
					body: { outcome: 'failed', reason: 'printer_off' }
				}),
			{ mayWrite: ['print_attempts', 'print_orders'] }
		),
		api('POST /api/v1/print-orders/reprint', (context) =>
			apiRequest(context, {
				method: 'POST',
				route: '/api/v1/print-orders/reprint',
				auth: kioskOf(KIOSK),
				body: { receiptReference: context.payments.own[0] }
			})
		),
		get('/api/v1/receipts/[id]/verify', (context) => ({ id: [...context.payments.own, context.payments.other] })),
		get('/api/v1/reference/certificate-types'),
		get('/api/v1/reference/exam-years'),
		get('/api/v1/reference/land/districts'),
		get('/api/v1/reference/land/districts/[district]/tehsils', (context) => ({ district: context.districts })),
		get('/api/v1/reference/land/tehsils/[tehsil]/villages', (context) => ({ tehsil: context.tehsils })),
		api('POST /api/v1/lookups/[service]', (context) => {
			const [certificate] = context.certificates;
			const [exam] = context.exams;
			const [land] = context.land;
			const [member] = context.members;
			const lookup = (services: string[], body: unknown) =>
				apiRequest(context, {
					method: 'POST',
					route: '/api/v1/lookups/[service]',
					params: { service: services },
					auth: kioskOf(KIOSK),
					body
				});
			return fc.oneof(
				lookup(['transaction-status', '__proto__', 'constructor'], { transactionId: '2611220001' }),
				lookup(['certificate'], { typeId: certificate!.typeId, transactionId: certificate!.transactionId }),
				lookup(['exam-result'], { examYear: exam!.year, rollNumber: exam!.roll }),
				lookup(['land-record'], { villageCode: land!.villageCode, khasra: land!.khasra }),
				lookup(['jan-aadhaar-family'], { janAadhaarId: member!.familyId })
			);
		}),
		{
			// Any other path under /api/v1, with any method: the catch-all must answer in JSON too.
			name: '* /api/v1/[...path]',
			covers: ['fallback /api/v1/[...path]'],
			api: true,
			build: (context) =>
				fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS').chain((verb) =>
					apiRequest(context, {
						method: verb,
						route: '/api/v1/[...path]',
						path: fc
							.array(segment(['nothing', 'v2', 'payments', 'billers', 'admin', 'operator', 'kiosk']), {
								minLength: 1,
								maxLength: 4
							})
							.map((parts) => `/api/v1/${parts.join('/')}`),
						auth: kioskOf(KIOSK),
						body: {}
					})
				)
		}
	];
}

/** The test kiosks' public key (a valid one: the refusals must come from the code, not the key). */
function testPublicKey(): unknown {
	return JSON.parse(readFileSync(new URL('../fixtures/test-kiosks.json', import.meta.url), 'utf8')).publicKeyJwk;
}

/**
 * Text that would make a programme office action touch a machine the hub tests use (the test
 * kiosks and the fuzz's own: revoked or remapped, they would refuse every later request) or set a
 * newer kiosk version (every kiosk outdated): such cases are not drawn.
 */
function harmsTheTests(shown: string, version: string): boolean {
	let text = shown;
	try {
		text += ` ${decodeURIComponent(shown.replace(/\+/g, ' '))}`;
	} catch {
		// Not percent-encoding: the raw text is checked.
	}
	const upper = text.toUpperCase();
	if (PROTECTED_MACHINES.some((code) => upper.includes(code))) return true;
	return [...text.matchAll(/\d+\.\d+\.\d+/g)].some((match) => match[0] !== version);
}

/** The programme office: its login form (anyone), and its actions and filtered pages (with its session). */
function adminTargets(): Target[] {
	const lang = fc.constantFrom('en', 'hi');
	/** A form post as the browser sends it, mostly from the hub's own origin (else SvelteKit refuses it before any route code). */
	const formPost = (context: FuzzContext, path: fc.Arbitrary<string>, valid: Record<string, string>, cookie: fc.Arbitrary<Cookie>) =>
		fc
			.record({
				path,
				form: formFor(valid),
				cookie,
				origin: fc.oneof(
					{ weight: 8, arbitrary: fc.constant<string | undefined>(context.hubUrl) },
					{ weight: 1, arbitrary: fc.constantFrom(undefined, 'null', 'http://evil.example') }
				),
				accept: fc.constantFrom(undefined, 'text/html', 'application/json'),
				action: fc.constantFrom(undefined, 'true')
			})
			.filter(({ form }) => !harmsTheTests(form.body.shown, context.version))
			.map(({ path, form, cookie, origin, accept, action }): FuzzRequest => {
				const headers: Record<string, string> = {};
				if (form.contentType !== undefined) headers['content-type'] = form.contentType;
				if (origin !== undefined) headers.origin = origin;
				if (accept !== undefined) headers.accept = accept;
				if (action !== undefined) headers['x-sveltekit-action'] = action;
				return { method: 'POST', path, auth: { kind: 'none' }, cookie, headers, body: form.body };
			});
	const adminCookieChoice = fc.oneof(
		{ weight: 8, arbitrary: fc.constant<Cookie>({ kind: 'admin' }) },
		{ weight: 1, arbitrary: fc.constant<Cookie>({ kind: 'operator' }) },
		{ weight: 1, arbitrary: headerText.map((text): Cookie => ({ kind: 'raw', cookie: `emitra_admin=${text}` })) }
	);
	const ACTIONS: Record<string, { valid: Record<string, string>; mayWrite: string[] }> = {
		register: {
			valid: { code: 'K9999902', serial: 'FUZZ-0001', vendor: 'lipi', district: 'Jaipur', place: 'Fuzz test', kind: 'urban' },
			mayWrite: ['kiosks', 'kiosk_enrolment_codes', 'audit_log']
		},
		newCode: { valid: { kioskCode: 'K2045318' }, mayWrite: ['kiosk_enrolment_codes', 'audit_log'] },
		revoke: { valid: { kioskCode: 'K3187402' }, mayWrite: ['kiosks', 'kiosk_sessions', 'audit_log'] },
		map: { valid: { kioskCode: 'K2045318', ssoId: 'PRIYAJOSHI1995' }, mayWrite: ['kiosk_operators', 'operator_wallets', 'audit_log'] },
		unmap: { valid: { kioskCode: 'K2045318' }, mayWrite: ['kiosk_operators', 'audit_log'] },
		version: { valid: { version: '' }, mayWrite: ['hub_settings', 'audit_log'] }
	};
	/** A filter query as the dashboard's form makes it, with hostile values. */
	const filters = fc
		.record({
			district: fc.option(nastyString),
			vendor: fc.option(fc.oneof(nastyString, fc.constantFrom('lipi', 'econnect', 'pyrotech'))),
			days: fc.option(fc.oneof(nastyString, fc.integer().map(String)))
		})
		.map((fields) =>
			Object.entries(fields)
				.filter((entry): entry is [string, string] => entry[1] !== null)
				.map(([key, value]) => `${key}=${encodeSegment(value.slice(0, 300))}`)
				.join('&')
		);
	return [
		{
			name: 'POST /admin/[lang]/login (form)',
			covers: [],
			api: false,
			spreadAddresses: true,
			build: (context) =>
				formPost(
					context,
					fc
						.tuple(
							lang,
							fc.oneof(
								fc.constant(''),
								fc.constantFrom('/admin/en/machines', '//evil.example', 'https://evil.example', '/admin/en/../../x'),
								nastyString.map((text) => text.slice(0, 200))
							)
						)
						.map(([language, next]) => `/admin/${language}/login${next === '' ? '' : `?next=${encodeSegment(next)}`}`),
					{ ssoId: 'PRIYAJOSHI1995', password: 'Emitra@2026' },
					fc.constant<Cookie>({ kind: 'none' })
				)
					// A programme office account locked by wrong passwords would lock the other suites out of /admin.
					.filter((request) => !/podirector2026/i.test(request.body.shown))
		},
		...Object.entries(ACTIONS).map(([action, { valid, mayWrite }]): Target => ({
			name: `POST /admin/[lang]/machines?/${action}`,
			covers: [],
			api: false,
			sessions: ['admin', 'operator'],
			mayWrite,
			build: (context) =>
				formPost(
					context,
					lang.map((language) => `/admin/${language}/machines?/${action}`),
					action === 'version' ? { version: context.version } : valid,
					adminCookieChoice
				)
		})),
		{
			name: 'GET /admin/[lang] with filters',
			covers: [],
			api: false,
			sessions: ['admin', 'operator'],
			build: () =>
				fc.tuple(lang, filters, adminCookieChoice).map(([language, search, cookie]): FuzzRequest => ({
					method: 'GET',
					path: `/admin/${language}?${search}`,
					auth: { kind: 'none' },
					cookie,
					headers: {},
					body: none
				}))
		},
		{
			name: 'GET /admin/[lang]/reports/[list] with filters',
			covers: [],
			api: false,
			sessions: ['admin', 'operator'],
			build: () =>
				fc
					.tuple(lang, segment(['unmapped', 'outdated', 'idle', 'health']), filters, adminCookieChoice)
					.map(([language, list, search, cookie]): FuzzRequest => ({
						method: 'GET',
						path: `/admin/${language}/reports/${list}?${search}`,
						auth: { kind: 'none' },
						cookie,
						headers: {},
						body: none
					}))
		}
	];
}

const TARGETS = [...apiTargets(), ...adminTargets()];

// ——— The runner ———

interface Sessions {
	operator?: string;
	admin?: string;
}

/** A request as it goes on the wire, with the tokens and cookies of this hub. */
async function materialise(hub: HubInfo, request: FuzzRequest, sessions: Sessions, localAddress: string | undefined): Promise<HubRequest> {
	const headers: Record<string, string> = { ...request.headers };
	if (request.auth.kind === 'kiosk') headers.authorization = (await kioskHeaders(hub, request.auth.kioskCode)).authorization;
	if (request.auth.kind === 'raw') headers.authorization = request.auth.authorization;
	const cookie = request.cookie;
	if (cookie.kind === 'operator' && sessions.operator) headers.cookie = sessions.operator;
	if (cookie.kind === 'admin' && sessions.admin) headers.cookie = sessions.admin;
	if (cookie.kind === 'raw') headers.cookie = cookie.cookie;
	return { method: request.method, path: request.path, headers, body: request.body.bytes, localAddress };
}

/** A request as a reader reproduces it: method, path, headers (sessions named), body. */
function shown(request: FuzzRequest): string {
	const headers = { ...request.headers };
	if (request.auth.kind === 'kiosk') headers.authorization = `Bearer <${request.auth.kioskCode}'s session token>`;
	if (request.auth.kind === 'raw') headers.authorization = request.auth.authorization;
	if (request.cookie.kind === 'operator') headers.cookie = `emitra_operator=<${CONSOLE_OPERATOR}'s session at ${CONSOLE_KIOSK}>`;
	if (request.cookie.kind === 'admin') headers.cookie = 'emitra_admin=<programme office session>';
	if (request.cookie.kind === 'raw') headers.cookie = request.cookie.cookie;
	const clip = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}… (${text.length} characters)` : text);
	const headerLines = Object.entries(headers).map(([name, value]) => `${name}: ${clip(JSON.stringify(value))}`);
	const body = request.body.bytes === undefined ? '(none)' : clip(JSON.stringify(request.body.shown));
	return [`${request.method} ${clip(request.path)}`, ...headerLines, `body: ${body}`].join('\n    ');
}

interface Finding {
	engine: string;
	target: string;
	oracle: string;
	signature: string;
	count: number;
	/** The smallest request that showed it, or the chunk of requests that changed the database. */
	request: string;
	seen: string;
	/** That request, to be made smaller still (not for a database change, which needs its chunk). */
	example?: FuzzRequest;
}

interface Outcome {
	requests: number;
	serverErrors: number;
	findings: Finding[];
}

/** Each target's cases come from their own seed, so a target's cases replay whatever else changed. */
function seedOf(name: string): number {
	let hash = SEED;
	for (const character of name) hash = (Math.imul(hash, 31) + character.charCodeAt(0)) | 0;
	return hash;
}

/**
 * One target's cases on one hub, in chunks of `CHUNK` with a look at the database around each;
 * then each kind of failure found is made smaller.
 */
async function fuzz(hub: HubInfo, target: Target, context: FuzzContext, db: HubDatabase, spread: boolean): Promise<Outcome> {
	const cases = fc.sample(target.build(context), { numRuns: CASES, seed: seedOf(target.name) });
	const sessions: Sessions = {};
	// Sessions and kiosk tokens are made before the database is first looked at: a sign-in writes.
	if (target.sessions?.includes('operator')) sessions.operator = await operatorCookie(hub, CONSOLE_KIOSK, CONSOLE_OPERATOR);
	if (target.sessions?.includes('admin')) sessions.admin = await adminCookie(hub);
	const ignored = ignoring(BOOKKEEPING, target.ignored ?? {});
	const findings = new Map<string, Finding>();
	/** One finding per oracle and signature, shown with the shortest request that gave it. */
	const note = (problem: Problem, request: string, example?: FuzzRequest) => {
		const key = `${problem.oracle}|${problem.signature}`;
		const earlier = findings.get(key);
		if (!earlier) {
			findings.set(key, { engine: hub.label, target: target.name, ...problem, count: 1, request, example });
			return;
		}
		earlier.count++;
		if (request.length < earlier.request.length) Object.assign(earlier, { request, seen: problem.seen, example });
	};
	const outcome: Outcome = { requests: 0, serverErrors: 0, findings: [] };
	// Kiosk tokens are renewed between chunks, when due, never inside one; a renewal writes, so the
	// database is looked at again. Otherwise the last chunk's "after" is the next one's "before".
	const renew = async () =>
		(await Promise.all(FUZZ_KIOSKS.map((code) => kioskHeaders(hub, code)))).map((headers) => headers.authorization).join();
	let tokens = await renew();
	let before = await db.snapshot(ignored);
	for (let start = 0; start < cases.length; start += CHUNK) {
		const renewed = await renew();
		if (renewed !== tokens) before = await db.snapshot(ignored);
		tokens = renewed;
		const chunk = cases.slice(start, start + CHUNK);
		const trail: string[] = [];
		let accepted = false;
		for (const [offset, request] of chunk.entries()) {
			const index = start + offset;
			const localAddress = target.spreadAddresses && spread ? `127.0.0.${2 + (Math.floor(index / 10) % 250)}` : undefined;
			const answer = await send(hub, await materialise(hub, request, sessions, localAddress));
			outcome.requests++;
			if (answer.status >= 500) outcome.serverErrors++;
			if (answer.status < 400) accepted = true;
			const text = shown(request);
			trail.push(`${text}\n    → ${answer.status} ${answer.body.slice(0, 120).replace(/\s+/g, ' ')}`);
			for (const problem of problemsOf(target, request, answer)) note(problem, text, request);
		}
		const allowed = new Set(accepted ? (target.mayWrite ?? []) : []);
		const after = await db.snapshot(ignored);
		const changed = changedTables(before, after).filter((change) => !allowed.has(change.split(' ')[0]!));
		before = after;
		for (const change of changed) {
			const oracle = accepted ? 'changed a table it may not change' : 'refused requests changed the database';
			note({ oracle, signature: change.split(' ')[0]!, seen: change }, `one of these ${chunk.length}:\n  ${trail.join('\n  ')}`);
		}
	}
	for (const finding of findings.values()) {
		if (!finding.example) continue;
		const smaller = await minimise(hub, target, sessions, finding, spread);
		Object.assign(finding, { request: shown(smaller.request), seen: smaller.seen, example: undefined });
	}
	outcome.findings = [...findings.values()];
	return outcome;
}

/**
 * Makes a failing request smaller, the way fast-check would shrink it: without its body (or with
 * `{}`), without each header, without its token, cookie or query, in turn, keeping each change
 * after which the hub still fails in the same way. A dozen requests at most per finding.
 */
async function minimise(
	hub: HubInfo,
	target: Target,
	sessions: Sessions,
	finding: Finding,
	spread: boolean
): Promise<{ request: FuzzRequest; seen: string }> {
	let request = finding.example!;
	let seen = finding.seen;
	const without = (headers: Record<string, string>, name: string) =>
		Object.fromEntries(Object.entries(headers).filter(([other]) => other !== name));
	const candidates: ((current: FuzzRequest) => FuzzRequest | undefined)[] = [
		(current) => (current.body.bytes === undefined ? undefined : { ...current, body: none }),
		(current) =>
			current.body.bytes === undefined || current.body.shown === '{}'
				? undefined
				: { ...current, body: { bytes: Buffer.from('{}'), shown: '{}' } },
		(current) =>
			current.validBody === undefined || current.body === current.validBody ? undefined : { ...current, body: current.validBody },
		(current) => (current.path.includes('?') ? { ...current, path: current.path.slice(0, current.path.indexOf('?')) } : undefined),
		(current) => (current.auth.kind === 'none' ? undefined : { ...current, auth: { kind: 'none' } }),
		(current) => (current.cookie.kind === 'none' ? undefined : { ...current, cookie: { kind: 'none' } }),
		...['content-type', 'x-kiosk-version', 'idempotency-key', 'x-kiosk-replay', 'accept', 'x-sveltekit-action'].map(
			(name) => (current: FuzzRequest) =>
				name in current.headers ? { ...current, headers: without(current.headers, name) } : undefined
		)
	];
	const localAddress = target.spreadAddresses && spread ? '127.0.0.254' : undefined;
	const fails = async (smaller: FuzzRequest) => {
		const answer = await send(hub, await materialise(hub, smaller, sessions, localAddress));
		const same = problemsOf(target, smaller, answer).find(
			(problem) => problem.oracle === finding.oracle && problem.signature === finding.signature
		);
		if (same) {
			request = smaller;
			seen = same.seen;
		}
		return same !== undefined;
	};
	for (const candidate of candidates) {
		const smaller = candidate(request);
		// A form action's `?/name` is the route, not a query to drop.
		if (smaller && !(smaller.path !== request.path && request.path.includes('?/'))) await fails(smaller);
	}
	// Then the longest part of the path or query, halved while the failure stays.
	for (let tries = 0; tries < 8; tries++) {
		const path = shorterPath(request.path);
		if (path === undefined || !(await fails({ ...request, path }))) break;
	}
	return { request, seen };
}

/** The path with its longest segment or query value cut in half (whole %XX escapes only), or undefined. */
function shorterPath(requestPath: string): string | undefined {
	const parts = requestPath.split(/([/?&=])/);
	let longest = -1;
	parts.forEach((part, index) => {
		if (!/^[/?&=]$/.test(part) && part.length > 6 && (longest < 0 || part.length > parts[longest]!.length)) longest = index;
	});
	if (longest < 0) return undefined;
	const part = parts[longest]!;
	parts[longest] = part.slice(0, Math.ceil(part.length / 2)).replace(/%[0-9A-Fa-f]?$/, '');
	return parts.join('');
}

const report = (finding: Finding) =>
	`[${finding.engine}] ${finding.target} — ${finding.oracle} (${finding.signature}), ${finding.count}×\n  request:\n    ${finding.request}\n  answer: ${finding.seen}`;

// ——— The hub's data the requests are made from ———

async function fuzzContext(hub: HubInfo, db: HubDatabase): Promise<FuzzContext> {
	const column = (rows: Row[], name: string) => rows.map((row) => String(row[name]));
	const bills = (
		await db.rows(
			"select biller_id, identifier, bill_number from reference_bills where biller_id = 'airtel' and paid_at is null and identifier like '98290120%' order by identifier"
		)
	).map((row) => ({ billerId: String(row.biller_id), identifier: String(row.identifier), billNumber: String(row.bill_number) }));
	if (bills.length < 6) throw new Error('The demo data has fewer unpaid Airtel bills than the fuzz uses');
	await enrolNewMachine(hub, CONSOLE_KIOSK, CONSOLE_OPERATOR);
	const kiosk = await kioskHeaders(hub, KIOSK);
	const post = async (path: string, body: unknown, extra: Record<string, string> = {}) => {
		const answer = await send(hub, {
			method: 'POST',
			path,
			headers: { ...kiosk, 'content-type': 'application/json', ...extra },
			body: JSON.stringify(body)
		});
		if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${answer.body}`);
		return jsonOf(answer) as Record<string, unknown>;
	};
	/** A live payment of the fuzzed kiosk in each mode, for the commands to act on (the last bill stays for the create's cases). */
	const livePayment = async (mode: string, bill: (typeof bills)[number]) =>
		String(
			(
				await post(
					'/api/v1/payments',
					{ ...bill, mobile: '9876543210', language: 'en', mode },
					{ 'idempotency-key': crypto.randomUUID() }
				)
			).transactionId
		);
	const [cashBill, cardBill, cardOnlineBill, aadhaarBill, ...createBills] = bills;
	const payments = {
		cash: await livePayment('cash', cashBill!),
		card: await livePayment('card', cardBill!),
		cardOnline: await livePayment('cardOnline', cardOnlineBill!),
		aadhaar: await livePayment('aadhaar', aadhaarBill!),
		own: column(await db.rows("select id from payments where kiosk_code = 'K1234567' and status = 'posted' order by id limit 2"), 'id'),
		other: column(await db.rows("select id from payments where kiosk_code = 'K3187402' order by id limit 1"), 'id')[0]!
	};
	payments.own.push(payments.cash);
	const certificates = (
		await db.rows('select certificate_number, transaction_id, type_id from reference_certificates order by transaction_id')
	).map((row) => ({
		number: String(row.certificate_number),
		transactionId: String(row.transaction_id),
		typeId: String(row.type_id)
	}));
	const members = (await db.rows('select member_id, family_id from reference_jan_aadhaar_members order by member_id')).map((row) => ({
		memberId: String(row.member_id),
		familyId: String(row.family_id)
	}));
	// A print order of the kiosk's own, for the print-order endpoints to find.
	await post('/api/v1/print-orders', {
		document: { kind: 'certificate', typeId: certificates[0]!.typeId, transactionId: certificates[0]!.transactionId },
		language: 'en'
	});
	const mobileChange = await post('/api/v1/jan-aadhaar/mobile-changes', {
		janAadhaarId: members[0]!.familyId,
		memberId: members[0]!.memberId,
		newMobile: '9876500002',
		language: 'en'
	});
	const options = async (path: string) => {
		const answer = await send(hub, { path });
		return ((jsonOf(answer) as { options?: { value: string }[] } | undefined)?.options ?? []).map((option) => option.value);
	};
	const districts = await options('/api/v1/reference/land/districts');
	const tehsils = await options(`/api/v1/reference/land/districts/${encodeURIComponent(districts[0] ?? '')}/tehsils`);
	return {
		version: hub.kioskVersion,
		hubUrl: hub.url,
		billerIds: column(await db.rows('select id from billers order by sort_order'), 'id'),
		bills: createBills,
		payments,
		certificates,
		exams: (await db.rows('select exam_year, roll_number from reference_exam_results order by exam_year')).map((row) => ({
			year: String(row.exam_year),
			roll: String(row.roll_number)
		})),
		members,
		land: (await db.rows('select village_code, khasra from reference_land_records order by village_code')).map((row) => ({
			villageCode: String(row.village_code),
			khasra: String(row.khasra)
		})),
		districts: districts.slice(0, 5),
		tehsils: tehsils.slice(0, 5),
		// The quote names the order (its identifier) for the payment; the order's own ID is in the database.
		printOrder:
			column(await db.rows("select id from print_orders where kiosk_code = 'K1234567' order by created_at desc limit 1"), 'id')[0] ??
			'1',
		mobileChange: String(mobileChange.changeId),
		operators: column(await db.rows('select sso_id from operators order by sso_id'), 'sso_id')
	};
}

/** Whether this machine lets a client send from 127.0.0.2… (Linux routes all of 127/8 to loopback). */
async function canSpreadAddresses(hub: HubInfo): Promise<boolean> {
	try {
		return (await send(hub, { path: '/api/v1/health', localAddress: '127.0.0.2' })).status === 200;
	} catch {
		return false;
	}
}

// ——— The tests ———

const totals = { requests: 0, serverErrors: 0, findings: [] as Finding[], engines: new Set<string>(), targets: new Set<string>() };
let startedAt = 0;

beforeAll(() => {
	startedAt = performance.now();
});

afterAll(() => {
	const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
	const lines = [
		'',
		'━━ Hub fuzz',
		`  endpoints fuzzed:      ${totals.targets.size}`,
		`  cases per endpoint:    ${CASES} (FUZZ_CASES)`,
		`  engines:               ${[...totals.engines].join(', ')}`,
		`  requests:              ${totals.requests}`,
		`  answers ≥ 500:         ${totals.serverErrors}`,
		`  kinds of failure:      ${totals.findings.length}`,
		`  time:                  ${seconds} s`,
		`  seed:                  ${SEED} (FUZZ_SEED=${SEED} replays it)`,
		'  every failure:         test-results/hub-fuzz-report.txt'
	];
	console.log(lines.join('\n'));
	// The whole list, for reading after a long run (test-results/ is not in git).
	const folder = path.join(root, 'test-results');
	mkdirSync(folder, { recursive: true });
	writeFileSync(path.join(folder, 'hub-fuzz-report.txt'), `${lines.join('\n')}\n\n${totals.findings.map(report).join('\n\n')}\n`);
});

describe('the oracle knows the refusal codes', () => {
	it(`reads every documented code from the ApiErrorCode union that ${API_ERROR_SOURCE} takes (${DOCUMENTED.declaredIn})`, () => {
		const codes = [...DOCUMENTED_CODES];
		// One code from each part of the union, so a parse that lost a part fails here.
		expect(codes).toEqual(
			expect.arrayContaining([
				'malformed_json',
				'rate_limited',
				'not_found',
				'wallet_insufficient',
				'signature_invalid',
				'operator_locked',
				'kiosk_exists',
				'otp_incorrect'
			])
		);
	});

	it('knows every code the hub throws', () => {
		const thrown = new Set<string>();
		const folder = path.join(root, 'src');
		for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
			if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) continue;
			const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
			for (const match of text.matchAll(/new ApiError\(\s*\d{3},\s*'([a-z_]+)'/g)) thrown.add(match[1]!);
		}
		expect(thrown.size).toBeGreaterThan(20);
		expect([...thrown].filter((code) => !DOCUMENTED_CODES.has(code))).toEqual([]);
	});

	it('fuzzes every API endpoint and method in src/routes/api/v1, and none that is gone', () => {
		const declared = apiRoutes().flatMap((route) => route.methods.map((verb) => `${verb} ${route.id}`));
		const covered = TARGETS.flatMap((target) => target.covers);
		expect(
			declared.filter((endpoint) => !covered.includes(endpoint)),
			'endpoints without a fuzz target'
		).toEqual([]);
		expect(
			covered.filter((endpoint) => !declared.includes(endpoint)),
			'fuzz targets of endpoints that are gone'
		).toEqual([]);
	});
});

describe.each(hubs.map((hub) => [hub.label, hub] as const))('fuzz on %s', (_label, hub) => {
	let db: HubDatabase;
	let context: FuzzContext;
	let spread = false;

	beforeAll(async () => {
		db = await openDatabase(hub);
		context = await fuzzContext(hub, db);
		spread = await canSpreadAddresses(hub);
		totals.engines.add(hub.label);
	});
	afterAll(async () => {
		await db?.close();
	});

	it('sees an accepted request in the database (so the checks below would see a refused one)', async () => {
		const headers = { ...(await kioskHeaders(hub, KIOSK)), 'content-type': 'application/json' };
		const before = await db.snapshot(BOOKKEEPING);
		const answer = await send(hub, { method: 'POST', path: '/api/v1/kiosk/heartbeat', headers, body: JSON.stringify(VALID_HEARTBEAT) });
		expect(answer.status).toBe(200);
		expect(changedTables(before, await db.snapshot(BOOKKEEPING)).join()).toContain('kiosk_heartbeats');
	});

	it.each(TARGETS.map((target) => [target.name, target] as const))(
		'%s',
		async (_name, target) => {
			const outcome = await fuzz(hub, target, context, db, spread);
			totals.requests += outcome.requests;
			totals.serverErrors += outcome.serverErrors;
			totals.findings.push(...outcome.findings);
			totals.targets.add(target.name);
			expect(outcome.findings.map(report), `${outcome.findings.length} kinds of failure in ${outcome.requests} requests`).toEqual([]);
		},
		60_000 + CASES * 250
	);
});
