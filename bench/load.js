// The load: C kiosks in a closed loop, each paying one bill after another as fast as the hub
// answers (no think time), through the same HTTP calls the kiosk makes. A bill can be paid
// only once, so every payment needs a bill of its own; a fixed-request tool cannot do that.
import { randomUUID, webcrypto } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The demo kiosk: active, mapped to an operator whose wallet holds ₹2,00,000. */
export const KIOSK_CODE = 'K1234567';
/** Its one-time demo enrolment code (src/demo/kiosks.ts); each bench hub starts on fresh demo data. */
export const DEMO_ENROLMENT_CODE = 'JPR4-KQ2M-7XWH';
/** The kiosk version the hub expects: the package's own, as a kiosk built from this checkout sends. */
const KIOSK_VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** The request kinds, in the order a payment makes them. */
export const REQUEST_KINDS = ['bill', 'create', 'approval', 'note', 'complete'];

// Notes the acceptor takes, largest first (src/lib/contract/payments.ts).
const NOTES_PAISE = [50_000, 20_000, 10_000, 5_000, 2_000, 1_000];

/** One payment that did not end `posted`: which request, and why. */
class PaymentFailed extends Error {
	/** @param {string} kind @param {string} reason */
	constructor(kind, reason) {
		super(`${kind}: ${reason}`);
	}
}

/** Milliseconds per request kind (and per whole payment), successful requests only. */
export class Timings {
	/** @type {Map<string, number[]>} */
	samples = new Map();

	/** @param {string} kind @param {number} ms */
	record(kind, ms) {
		const list = this.samples.get(kind);
		if (list) list.push(ms);
		else this.samples.set(kind, [ms]);
	}

	/** Nearest-rank percentiles; undefined when the kind never happened. @param {string} kind */
	percentiles(kind) {
		const list = this.samples.get(kind);
		if (!list?.length) return undefined;
		const sorted = [...list].sort((a, b) => a - b);
		/** @param {number} p */
		const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
		return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99) };
	}
}

/**
 * The kiosk's proof of who it is, as a real kiosk gets it (src/lib/machine/identity.ts): enrol once
 * with a key pair whose private half is not extractable, then sign the hub's nonce for a session
 * token, again whenever the token lapses.
 */
class KioskIdentity {
	/** @type {Map<string, Promise<KioskIdentity>>} */
	static #byHub = new Map();

	/** @param {string} hubUrl @returns {Promise<KioskIdentity>} */
	static for(hubUrl) {
		let identity = KioskIdentity.#byHub.get(hubUrl);
		if (!identity) {
			identity = KioskIdentity.#enrol(hubUrl);
			KioskIdentity.#byHub.set(hubUrl, identity);
		}
		return identity;
	}

	/** @param {string} hubUrl */
	static async #enrol(hubUrl) {
		const pair = /** @type {webcrypto.CryptoKeyPair} */ (
			await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])
		);
		const { kty, crv, x, y } = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
		const answer = await fetch(`${hubUrl}/api/v1/kiosk/enrol`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ enrolmentCode: DEMO_ENROLMENT_CODE, publicKey: { kty, crv, x, y } })
		});
		if (answer.status !== 201) throw new Error(`could not enrol ${KIOSK_CODE}: ${answer.status} ${await answer.text()}`);
		return new KioskIdentity(hubUrl, pair.privateKey);
	}

	/** @param {string} hubUrl @param {webcrypto.CryptoKey} privateKey */
	constructor(hubUrl, privateKey) {
		this.hubUrl = hubUrl;
		this.privateKey = privateKey;
		/** @type {Promise<string> | undefined} */
		this.token = undefined;
	}

	/** The current session token; `renew` after the hub said it lapsed. @param {boolean} [renew] */
	session(renew = false) {
		if (renew || !this.token) this.token = this.#signIn();
		return this.token;
	}

	async #signIn() {
		const post = (/** @type {string} */ path, /** @type {object} */ body) =>
			fetch(`${this.hubUrl}${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body)
			}).then((answer) => answer.json());
		const { nonce } = await post('/api/v1/kiosk/challenge', { kioskCode: KIOSK_CODE });
		const message = new TextEncoder().encode(`emitra-kiosk-session\n${KIOSK_CODE}\n${nonce}`);
		const signature = Buffer.from(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.privateKey, message)).toString(
			'base64url'
		);
		const { token } = await post('/api/v1/kiosk/session', { kioskCode: KIOSK_CODE, nonce, signature });
		if (typeof token !== 'string') throw new Error(`${KIOSK_CODE} could not sign in`);
		return token;
	}
}

/**
 * @param {string} hubUrl
 * @param {Timings} timings
 * @param {string} kind
 * @param {string} path
 * @param {object} body
 * @param {boolean} idempotent every mutating payment request carries a fresh Idempotency-Key
 */
async function post(hubUrl, timings, kind, path, body, idempotent) {
	/** @type {Record<string, string>} */
	const headers = { 'content-type': 'application/json', 'x-kiosk-version': KIOSK_VERSION };
	if (idempotent) headers['idempotency-key'] = randomUUID();
	const identity = await KioskIdentity.for(hubUrl);
	const started = performance.now();
	let response;
	let text;
	try {
		headers.authorization = `Bearer ${await identity.session()}`;
		response = await fetch(`${hubUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
		text = await response.text();
		if (response.status === 401) {
			headers.authorization = `Bearer ${await identity.session(true)}`;
			response = await fetch(`${hubUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
			text = await response.text();
		}
	} catch (error) {
		const cause = /** @type {{ cause?: { code?: string } }} */ (error).cause;
		throw new PaymentFailed(kind, `no answer (${cause?.code ?? String(error)})`);
	}
	let answer;
	try {
		answer = JSON.parse(text);
	} catch {
		throw new PaymentFailed(kind, `${response.status}, not JSON`);
	}
	if (!response.ok) throw new PaymentFailed(kind, `${response.status} ${answer?.error?.code ?? ''}`.trim());
	timings.record(kind, performance.now() - started);
	return answer;
}

/** The notes for a cash amount (the hub rounds it up to ₹10), largest first. @param {number} paise */
export function notesFor(paise) {
	const notes = [];
	let left = paise;
	for (const note of NOTES_PAISE) {
		while (left >= note) {
			notes.push(note);
			left -= note;
		}
	}
	return notes;
}

let rrnCounter = 0;

/**
 * One bill paid the way the kiosk pays it: fetch the bill, create the payment, then either the
 * card terminal's approval or the notes and "complete"; the hub posts the bill to the biller
 * before it answers the last request.
 * @param {string} hubUrl @param {Timings} timings @param {string} billerId @param {string} identifier
 * @param {'card' | 'cash'} mode
 */
async function payBill(hubUrl, timings, billerId, identifier, mode) {
	const quote = await post(hubUrl, timings, 'bill', `/api/v1/billers/${billerId}/bill`, { identifier }, false);
	const payment = await post(
		hubUrl,
		timings,
		'create',
		'/api/v1/payments',
		{ billerId, identifier, billNumber: quote.bill.billNumber, language: 'en', mode },
		true
	);
	const paymentPath = `/api/v1/payments/${payment.transactionId}`;
	let settled;
	if (mode === 'card') {
		const approval = {
			mode: 'card',
			authCode: 'A1B2C3',
			rrn: `BN${String(++rrnCounter).padStart(10, '0')}`,
			maskedPan: '411111XXXXXX1111',
			cardType: 'visa',
			amountPaise: payment.amounts.toCollectPaise
		};
		settled = await post(hubUrl, timings, 'approval', `${paymentPath}/approval`, approval, true);
	} else {
		for (const valuePaise of notesFor(payment.amounts.toCollectPaise)) {
			await post(hubUrl, timings, 'note', `${paymentPath}/notes`, { valuePaise }, true);
		}
		settled = await post(hubUrl, timings, 'complete', `${paymentPath}/complete`, {}, true);
	}
	if (settled.status !== 'posted') throw new PaymentFailed('settle', `ended ${settled.status}`);
}

/**
 * Pays the bills with `concurrency` payments in flight, until every bill is paid or, when
 * `maxSeconds` is given, no new payment starts after that long.
 * @param {{ hubUrl: string, billerId: string, identifiers: string[], mode: 'card' | 'cash', concurrency: number,
 *   maxSeconds?: number }} run
 */
export async function payBills({ hubUrl, billerId, identifiers, mode, concurrency, maxSeconds }) {
	const timings = new Timings();
	/** @type {Map<string, number>} */
	const errors = new Map();
	let completed = 0;
	let next = 0;
	const stopStartingAt = maxSeconds ? performance.now() + maxSeconds * 1000 : Infinity;
	const kiosk = async () => {
		while (next < identifiers.length && performance.now() < stopStartingAt) {
			const identifier = /** @type {string} */ (identifiers[next++]);
			const started = performance.now();
			try {
				await payBill(hubUrl, timings, billerId, identifier, mode);
				timings.record('payment', performance.now() - started);
				completed++;
			} catch (error) {
				if (!(error instanceof PaymentFailed)) throw error;
				errors.set(error.message, (errors.get(error.message) ?? 0) + 1);
			}
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: concurrency }, kiosk));
	const seconds = (performance.now() - started) / 1000;
	return { completed, errors, seconds, timings };
}
