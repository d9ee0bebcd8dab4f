// fast-check arbitraries for the fuzz: hostile values (wrong types, huge and exotic strings,
// amounts no till has seen, numbers JSON.parse turns into Infinity), request bodies derived from a
// valid one by dropping, replacing and adding fields, and the headers and paths a confused or
// malicious client sends. Everything here is independent of any hub; tokens and cookies are named
// symbolically (`Auth`) and filled in by the runner for the hub at hand.
import fc from 'fast-check';

// ——— JSON with the parts JSON.stringify cannot write ———

/** Written into the body verbatim: `1e999` (Infinity to JSON.parse), `NaN` (not JSON at all), `-0`. */
export class Raw {
	constructor(readonly text: string) {}
}

/** An object as a list of entries, so that `__proto__` is an ordinary key and keys can repeat. */
export class Obj {
	constructor(readonly entries: readonly (readonly [string, Json])[]) {}
}

export type Json = null | boolean | number | string | Raw | Obj | readonly Json[];

/** A plain value (a valid body written as a literal) as `Json`. */
export function fromPlain(value: unknown): Json {
	if (Array.isArray(value)) return value.map(fromPlain);
	if (value !== null && typeof value === 'object')
		return new Obj(Object.entries(value).map(([key, item]) => [key, fromPlain(item)] as const));
	if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
	throw new Error(`not JSON: ${String(value)}`);
}

export function toJson(value: Json): string {
	if (value instanceof Raw) return value.text;
	if (value instanceof Obj) return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`).join(',')}}`;
	if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
	return JSON.stringify(value);
}

// ——— Hostile values ———

/** Text people and attackers type: Devanagari (digits too, which the hub reads), emoji, RTL, NUL, lone surrogates, injections. */
const SAMPLE_STRINGS = [
	'',
	' ',
	'   ',
	'सुनीता देवी शर्मा',
	'९८२९०१२००१',
	'२६११२२०००१',
	'क्षत्रिय',
	'👍🏽🇮🇳👨‍👩‍👧',
	'مرحبا بالعالم',
	'שלום',
	'\u202Egnp.exe',
	'\u200B\u200D\uFEFF',
	'\u0000',
	'a\u0000b',
	'\uD800',
	'\uDFFF',
	'a\uDC00\uD800b',
	"' OR 1=1 --",
	'"; DROP TABLE payments; --',
	'../../../../etc/passwd',
	'%00',
	'%E0%A4%',
	'<script>alert(1)</script>',
	'${7*7}{{7*7}}',
	'__proto__',
	'constructor',
	'toString',
	'hasOwnProperty',
	'NaN',
	'Infinity',
	'-1',
	'1e309',
	'0x10',
	'9'.repeat(40),
	'K1234567',
	'k1234567',
	'K5630281',
	'2611220001',
	'261123900000',
	'PODIRECTOR2026',
	'SURESHSHARMA1984',
	'Emitra@2026',
	'2468',
	'123456',
	'\r\nX-Injected: 1'
];

/** Something to repeat into a big string (1–4 bytes each in UTF-8). */
const REPEATED_UNITS = ['A', '9', 'क', '😀', '\u0000', '\uD800', '%'];

/** Strings up to ~20 KB: past the hub's 16 KB body limit, or just under it inside a field. */
export const hugeString = fc
	.tuple(fc.constantFrom(...REPEATED_UNITS), fc.integer({ min: 256, max: 20_480 }))
	.map(([unit, bytes]) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...SAMPLE_STRINGS) },
	{ weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 2, arbitrary: fc.stringMatching(/^[0-9 +-]{1,24}$/) },
	{ weight: 1, arbitrary: hugeString }
);

/** Amounts and counts: negative, fractional, huge, unsafe integers, and Infinity/NaN written as JSON can (or cannot) say them. */
export const nastyNumber: fc.Arbitrary<number | Raw> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.constantFrom(
			-1,
			0,
			-0.5,
			0.5,
			0.1,
			1.5,
			999.999,
			1000,
			2000,
			5000,
			10_000,
			20_000,
			50_000,
			200_000,
			2_000_000,
			1e21,
			-1e21,
			2 ** 53,
			2 ** 53 + 2,
			Number.MAX_SAFE_INTEGER,
			Number.MIN_SAFE_INTEGER,
			Number.MAX_VALUE,
			Number.MIN_VALUE
		)
	},
	{ weight: 2, arbitrary: fc.integer() },
	{ weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			...[
				'1e999',
				'-1e999',
				'NaN',
				'Infinity',
				'-Infinity',
				'-0',
				'0x1F',
				'1e-400',
				'00012',
				'1.',
				'.5',
				'+1',
				'123456789012345678901234567890'
			].map((text) => new Raw(text))
		)
	}
);

/** Keys a body should not have: prototype keys, exotic and empty names. */
const fieldName: fc.Arbitrary<string> = fc.oneof(
	fc.constantFrom(
		'__proto__',
		'constructor',
		'prototype',
		'toString',
		'',
		' ',
		'id',
		'kioskCode',
		'status',
		'amountPaise',
		'admin',
		'role'
	),
	fc.string({ maxLength: 12 }),
	nastyString.map((text) => text.slice(0, 64))
);

const deepNesting = fc.integer({ min: 50, max: 5_000 }).map((depth) => new Raw(`${'['.repeat(depth)}${']'.repeat(depth)}`));

/** Any hostile JSON value, a few levels deep at most. */
export const nastyValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
	value: fc.oneof(
		{ depthSize: 'small', maxDepth: 2 },
		{ weight: 5, arbitrary: nastyString },
		{ weight: 4, arbitrary: nastyNumber },
		{ weight: 2, arbitrary: fc.constantFrom<Json>(null, true, false) },
		{ weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
		{ weight: 1, arbitrary: fc.array(fc.tuple(fieldName, tie('value')), { maxLength: 3 }).map((entries) => new Obj(entries)) },
		{ weight: 1, arbitrary: deepNesting }
	)
})).value;

/**
 * A valid body, changed: each field kept (most often), dropped, replaced by a hostile value, or —
 * an object itself — changed the same way; then perhaps extra fields, a repeated key, or the
 * whole thing wrapped in an array. Mostly one or two things are wrong, so the hub's checks past
 * the first are reached too.
 */
export function mutated(valid: Json): fc.Arbitrary<Json> {
	if (!(valid instanceof Obj)) return fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, { weight: 2, arbitrary: nastyValue });
	type Entries = (readonly [string, Json])[];
	const entry = ([key, value]: readonly [string, Json]): fc.Arbitrary<Entries> =>
		fc.oneof(
			{ weight: 10, arbitrary: fc.constant<Entries>([[key, value]]) },
			{ weight: 1, arbitrary: fc.constant<Entries>([]) },
			{ weight: 2, arbitrary: nastyValue.map((other): Entries => [[key, other]]) },
			{
				weight: value instanceof Obj || Array.isArray(value) ? 3 : 0,
				arbitrary: mutatedMember(value).map((other): Entries => [[key, other]])
			}
		);
	return fc
		.tuple(
			fc.tuple(...valid.entries.map(entry)),
			fc.array(fc.tuple(fieldName, nastyValue), { maxLength: 2 }),
			fc.constantFrom('object', 'object', 'object', 'object', 'object', 'object', 'repeated key', 'in an array')
		)
		.map(([kept, extra, shape]): Json => {
			const entries = [...kept.flat(), ...extra];
			if (shape === 'repeated key' && entries[0]) entries.push([entries[0][0], null]);
			const object = new Obj(entries);
			return shape === 'in an array' ? [object] : object;
		});
}

/** A nested object or array of a valid body, changed. */
function mutatedMember(value: Json): fc.Arbitrary<Json> {
	if (Array.isArray(value))
		return fc.oneof(fc.constant<Json>([]), fc.array(nastyValue, { maxLength: 3 }), fc.constant<Json>([...value, ...value]));
	return mutated(value);
}

// ——— Bodies ———

export interface Body {
	/** What goes on the wire; undefined: no body. */
	bytes?: Buffer;
	/** Shown in reports. */
	shown: string;
}

const textBody = (text: string): Body => ({ bytes: Buffer.from(text, 'utf8'), shown: text });

/** Not JSON, or JSON.parse's corner cases. */
const BAD_JSON = [
	'',
	'{',
	'{"a":',
	'null',
	'[]',
	'""',
	'0',
	'true',
	'{}}',
	"{'a':1}",
	'\uFEFF{}',
	'undefined',
	'{"a":1,}',
	'NaN',
	'{"a":NaN}',
	'\u0000',
	'{"__proto__":{"admin":true}}'
];

/** Bytes that are not UTF-8: lone surrogates as CESU, overlong slashes, stray continuation bytes. */
const INVALID_UTF8 = [[0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x80], [0xff, 0xfe], [0xe0, 0xa4]];

/**
 * A body for an endpoint whose valid body is `valid` (undefined: it reads none): mostly that body
 * changed, else random JSON, broken JSON, bytes that are not UTF-8, a body past the size limit,
 * or no body at all.
 */
export function bodyFor(valid: Json | undefined): fc.Arbitrary<Body> {
	const base = valid ?? new Obj([]);
	return fc.oneof(
		{ weight: 12, arbitrary: mutated(base).map((json) => textBody(toJson(json))) },
		{ weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => textBody(JSON.stringify(json) ?? 'null')) },
		{ weight: 2, arbitrary: fc.oneof(fc.constantFrom(...BAD_JSON), fc.string({ maxLength: 30 })).map(textBody) },
		{
			weight: 1,
			arbitrary: fc.constantFrom(...INVALID_UTF8).map((bytes) => {
				const buffer = Buffer.concat([Buffer.from('{"x":"'), Buffer.from(bytes), Buffer.from('"}')]);
				return { bytes: buffer, shown: `{"x":"<bytes ${bytes.map((byte) => byte.toString(16)).join(' ')}>"}` };
			})
		},
		{
			weight: 1,
			arbitrary: fc.integer({ min: 15_000, max: 21_000 }).map((size) => {
				const text = `{"x":"${'a'.repeat(size)}"}`;
				return { bytes: Buffer.from(text), shown: `{"x":"a × ${size}"}` };
			})
		},
		{ weight: 1, arbitrary: fc.constant<Body>({ shown: '(none)' }) }
	);
}

// ——— Form bodies (the programme office) ———

/** A form as the browser posts it, or not: fields dropped, replaced, repeated, exotic; sometimes JSON instead. */
export function formFor(valid: Record<string, string>): fc.Arbitrary<{ contentType: string | undefined; body: Body }> {
	const urlencoded = fc
		.tuple(
			fc.tuple(
				...Object.entries(valid).map(([key, value]) =>
					fc.oneof(
						{ weight: 6, arbitrary: fc.constant<[string, string][]>([[key, value]]) },
						{ weight: 1, arbitrary: fc.constant<[string, string][]>([]) },
						{ weight: 3, arbitrary: nastyString.map((other): [string, string][] => [[key, other]]) },
						{
							weight: 1,
							arbitrary: nastyString.map((other): [string, string][] => [
								[key, value],
								[key, other]
							])
						}
					)
				)
			),
			fc.array(fc.tuple(fieldName, nastyString), { maxLength: 2 })
		)
		.map(([fields, extra]) => new URLSearchParams([...fields.flat(), ...extra]).toString());
	return fc.oneof(
		{ weight: 10, arbitrary: urlencoded.map((text) => ({ contentType: 'application/x-www-form-urlencoded', body: textBody(text) })) },
		{
			weight: 2,
			arbitrary: fc.tuple(urlencoded, contentType).map(([text, type]) => ({ contentType: type, body: textBody(text) }))
		},
		{
			weight: 1,
			arbitrary: urlencoded.map((text) => {
				// A multipart form, sometimes with a boundary that never closes.
				const parts = [...new URLSearchParams(text)].map(
					([key, value]) => `--b\r\ncontent-disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`
				);
				return { contentType: 'multipart/form-data; boundary=b', body: textBody(`${parts.join('')}--b--\r\n`) };
			})
		},
		{
			weight: 1,
			arbitrary: fc
				.constantFrom('multipart/form-data; boundary=b', 'multipart/form-data')
				.map((type) => ({ contentType: type, body: textBody('--b\r\ncontent-disposition: form-data; name="x"\r\n\r\n') }))
		},
		{ weight: 1, arbitrary: bodyFor(fromPlain(valid)).map((body) => ({ contentType: 'application/json', body })) }
	);
}

// ——— Headers ———

/** Content types: JSON as kiosks send it (most often), and what they should not. Undefined: none. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
	{ weight: 12, arbitrary: fc.constant('application/json') },
	{
		weight: 4,
		arbitrary: fc.constantFrom(
			'application/json; charset=utf-8',
			'APPLICATION/JSON',
			'application/jsonx',
			'application/json-patch+json',
			'text/plain',
			'text/html',
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=b',
			'application/xml',
			'application/octet-stream',
			'',
			';;;',
			'application/json; charset=latin1'
		)
	},
	{ weight: 1, arbitrary: fc.constant(undefined) }
);

/** Header values a client can put on the wire: printable Latin-1 (anything else Node will not send). */
export const headerText = fc
	.string({
		unit: fc
			.integer({ min: 0x20, max: 0xff })
			.filter((code) => code !== 0x7f)
			.map((code) => String.fromCharCode(code)),
		maxLength: 200
	})
	.map((text) => text.trim());

/** Who a request claims to be; the runner turns it into real headers for the hub at hand. */
export type Auth = { kind: 'none' } | { kind: 'kiosk'; kioskCode: string } | { kind: 'raw'; authorization: string };

/** Authorization headers that must all fail: unknown but well-formed tokens (expired-looking), wrong schemes, junk. */
export const badAuthorization: fc.Arbitrary<Auth> = fc
	.oneof(
		fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((token) => `Bearer ${token}`),
		fc.stringMatching(/^[A-Za-z0-9_-]{20,100}$/).map((token) => `Bearer ${token}`),
		fc.constantFrom(
			'Bearer',
			'Bearer ',
			'bearer abcdefghijklmnopqrstuvwxyz',
			'Basic UE9ESVJFQ1RPUjIwMjY6RW1pdHJhQDIwMjY=',
			// A JWT whose exp is 1970: what an expired session of another system looks like.
			'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJLMTIzNDU2NyIsImV4cCI6MH0.c2lnbmF0dXJl',
			`Bearer ${'A'.repeat(101)}`,
			`Bearer ${'A'.repeat(8_000)}`,
			'Bearer K1234567',
			'Bearer null',
			'Bearer undefined'
		),
		headerText.map((text) => `Bearer ${text}`),
		headerText
	)
	.map((authorization) => ({ kind: 'raw', authorization }));

/** For an endpoint a kiosk calls: most often that kiosk's valid token, else another's, none, or a bad one. */
export function kioskAuth(kioskCode: string, others: readonly string[]): fc.Arbitrary<Auth> {
	return fc.oneof(
		{ weight: 8, arbitrary: fc.constant<Auth>({ kind: 'kiosk', kioskCode }) },
		{ weight: 1, arbitrary: fc.constantFrom(...others).map((other): Auth => ({ kind: 'kiosk', kioskCode: other })) },
		{ weight: 1, arbitrary: fc.constant<Auth>({ kind: 'none' }) },
		{ weight: 3, arbitrary: badAuthorization }
	);
}

/** For an anonymous endpoint: usually nothing, sometimes a token it must ignore or refuse. */
export const anonymousAuth: fc.Arbitrary<Auth> = fc.oneof(
	{ weight: 6, arbitrary: fc.constant<Auth>({ kind: 'none' }) },
	{ weight: 1, arbitrary: badAuthorization }
);

/** The kiosk's version header: this build's (mostly), older, newer, missing, junk. */
export function kioskVersion(current: string): fc.Arbitrary<string | undefined> {
	return fc.oneof(
		{ weight: 8, arbitrary: fc.constant(current) },
		{ weight: 1, arbitrary: fc.constant(undefined) },
		{
			weight: 2,
			arbitrary: fc.constantFrom('0.0.1', '2.3.1', '99.99.99', '9999.9999.9999', '2.4', 'v2.4.0', '2.4.0-beta', ' 2.4.0 ', '-1.0.0')
		},
		{ weight: 1, arbitrary: headerText }
	);
}

/** A UUID, shared by every request that reuses a key (with a different body, most of the time). */
export const REUSED_IDEMPOTENCY_KEY = '0f8c3a52-52d6-4f0f-9f44-6c1cfbd0e5a1';

/** Idempotency-Key: a new UUID (mostly), none, a reused one, not a UUID, upper case, padded, huge. */
export const idempotencyKey: fc.Arbitrary<string | undefined> = fc.oneof(
	{ weight: 8, arbitrary: fc.uuid() },
	{ weight: 1, arbitrary: fc.constant(undefined) },
	{ weight: 1, arbitrary: fc.constant(REUSED_IDEMPOTENCY_KEY) },
	{ weight: 1, arbitrary: fc.uuid().map((uuid) => uuid.toUpperCase()) },
	{ weight: 1, arbitrary: fc.uuid().map((uuid) => ` ${uuid}\t`) },
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'',
			'not-a-uuid',
			'00000000-0000-0000-0000-000000000000',
			'ffffffff-ffff-ffff-ffff-ffffffffffffff',
			`${'a'.repeat(5000)}`
		)
	},
	{ weight: 1, arbitrary: headerText }
);

/** X-Kiosk-Replay: mostly absent; an instant long ago, in the future, or junk. */
export const replayHeader: fc.Arbitrary<string | undefined> = fc.oneof(
	{ weight: 6, arbitrary: fc.constant(undefined) },
	{ weight: 1, arbitrary: fc.constantFrom('outbox', '1970-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z', 'yesterday', '', 'NaN') },
	{ weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) }
);

// ——— Paths ———

/** Percent-encodings a decoder must survive: truncated, not hex, overlong, surrogates, NUL, encoded slash and dots. */
const BAD_ENCODINGS = [
	'%',
	'%z',
	'%zz',
	'%E0%A4%',
	'%ED%A0%80',
	'%C0%AF',
	'%00',
	'%2F',
	'%2f..%2f',
	'%2e%2e',
	'..',
	'.',
	'%25',
	'%FF',
	'%uD800',
	'%%30'
];

/** A path segment as sent: a valid value (mostly), hostile text percent-encoded, a bad encoding, or empty. */
export function segment(valid: readonly string[]): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 8, arbitrary: fc.constantFrom(...valid).map(encodeSegment) },
		// Kept short: a request line past Node's 16 KB header limit is refused by Node, not the hub.
		{ weight: 2, arbitrary: nastyString.map((text) => encodeSegment(text.slice(0, 300))) },
		{ weight: 2, arbitrary: fc.constantFrom(...BAD_ENCODINGS) },
		{ weight: 1, arbitrary: fc.constant('') }
	);
}

/** encodeURIComponent, with lone surrogates (which it refuses) written as the bytes of their CESU form. */
export function encodeSegment(text: string): string {
	return [...text]
		.map((character) => {
			const code = character.charCodeAt(0);
			if (character.length === 1 && code >= 0xd800 && code <= 0xdfff) {
				return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
			}
			return encodeURIComponent(character);
		})
		.join('');
}

/** A query string the endpoint should ignore (mostly none). */
export const query: fc.Arbitrary<string> = fc.oneof(
	{ weight: 8, arbitrary: fc.constant('') },
	{ weight: 1, arbitrary: nastyString.map((text) => `?q=${encodeSegment(text.slice(0, 200))}`) },
	{ weight: 1, arbitrary: fc.constantFrom(...BAD_ENCODINGS).map((text) => `?${text}=${text}`) }
);

/** Methods: the endpoint's own (mostly), or another. HEAD is left out: its answer has no body to judge. */
export function method(own: string): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 8, arbitrary: fc.constant(own) },
		{ weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') }
	);
}
