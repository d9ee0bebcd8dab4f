import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFrame } from './link-codec';
import { encodeMessage, parseReply, parseRequest, type SaleResult, type TerminalReply, type TerminalRequest } from './terminal-messages';

const ascii = (text: string) => new TextEncoder().encode(text);

const ref = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const amountPaise = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const reason = fc.string({ minLength: 1, maxLength: 200 });
const approved = fc.record({
	outcome: fc.constant('approved' as const),
	authCode: fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
	maskedPan: fc.stringMatching(/^[0-9]{0,6}[*X]{2,9}[0-9]{4}$/),
	cardType: fc.constantFrom(...(['rupay', 'visa', 'mastercard', 'amex', 'diners', 'other'] as const)),
	rrn: fc.stringMatching(/^[A-Za-z0-9]{12}$/),
	amountPaise
});
const saleResult: fc.Arbitrary<SaleResult> = fc.oneof(
	approved,
	fc.record({ outcome: fc.constant('declined' as const), reason }),
	fc.constant({ outcome: 'cancelled' as const })
);
const request: fc.Arbitrary<TerminalRequest> = fc.oneof(
	fc.record({ type: fc.constant('sale' as const), ref, amountPaise }),
	fc.record({ type: fc.constant('status' as const), ref }),
	fc.record({ type: fc.constant('void' as const), ref })
);
const reply: fc.Arbitrary<TerminalReply> = fc.oneof(
	fc.record({ type: fc.constant('result' as const), request: fc.constant('sale' as const), ref, result: saleResult }),
	fc.record({
		type: fc.constant('result' as const),
		request: fc.constant('status' as const),
		ref,
		result: fc.oneof(
			saleResult,
			fc.constantFrom({ outcome: 'voided' as const }, { outcome: 'in-progress' as const }, { outcome: 'not-found' as const })
		)
	}),
	fc.record({
		type: fc.constant('result' as const),
		request: fc.constant('void' as const),
		ref,
		result: fc.oneof(
			fc.constantFrom({ outcome: 'voided' as const }, { outcome: 'not-found' as const }),
			fc.record({ outcome: fc.constant('refused' as const), reason })
		)
	})
);

function payloadOf(frame: Uint8Array): Uint8Array {
	const { frame: payload } = extractFrame(frame);
	if (!payload) throw new Error('not a frame');
	return payload;
}

describe('terminal messages', () => {
	it('round-trips every request through a frame', () => {
		fc.assert(
			fc.property(request, (message) => {
				expect(parseRequest(payloadOf(encodeMessage(message)))).toEqual(message);
			})
		);
	});

	it('round-trips every reply through a frame, Hindi decline reasons included', () => {
		fc.assert(
			fc.property(reply, (message) => {
				expect(parseReply(payloadOf(encodeMessage(message)))).toEqual(message);
			})
		);
		const hindi: TerminalReply = {
			type: 'result',
			request: 'sale',
			ref: 'EM-1',
			result: { outcome: 'declined', reason: 'अपर्याप्त शेष राशि' }
		};
		expect(parseReply(payloadOf(encodeMessage(hindi)))).toEqual(hindi);
	});

	it.each([
		['not JSON', '{"type":"sale",'],
		['an amount in rupees with paise as a fraction', '{"type":"sale","ref":"EM-1","amountPaise":120.5}'],
		['a zero amount', '{"type":"sale","ref":"EM-1","amountPaise":0}'],
		['an amount as a string', '{"type":"sale","ref":"EM-1","amountPaise":"12000"}'],
		['a ref with a space', '{"type":"status","ref":"EM 1"}'],
		['a ref longer than 64 characters', `{"type":"void","ref":"${'a'.repeat(65)}"}`],
		['an unknown request', '{"type":"refund","ref":"EM-1"}']
	])('rejects a request with %s', (_, json) => {
		expect(parseRequest(ascii(json))).toBeNull();
	});

	it.each([
		[
			'an approval with a full card number',
			{
				outcome: 'approved',
				authCode: '123456',
				maskedPan: '6083260000004321',
				cardType: 'rupay',
				rrn: '512345678901',
				amountPaise: 100
			}
		],
		[
			'an approval without an RRN',
			{ outcome: 'approved', authCode: '123456', maskedPan: '608326******4321', cardType: 'rupay', amountPaise: 100 }
		],
		['a decline without a reason', { outcome: 'declined' }],
		['a status outcome as a sale result', { outcome: 'not-found' }]
	])('rejects a sale reply with %s', (_, result) => {
		expect(parseReply(ascii(JSON.stringify({ type: 'result', request: 'sale', ref: 'EM-1', result })))).toBeNull();
	});

	it('ignores fields it does not know, so a terminal can add some', () => {
		const json = '{"type":"result","request":"void","ref":"EM-1","result":{"outcome":"voided","batch":7},"terminalId":"T1"}';

		expect(parseReply(ascii(json))).toEqual({ type: 'result', request: 'void', ref: 'EM-1', result: { outcome: 'voided' } });
	});

	it('rejects bytes that are not UTF-8', () => {
		expect(parseRequest(Uint8Array.of(0x7b, 0xff, 0x7d))).toBeNull();
	});
});
