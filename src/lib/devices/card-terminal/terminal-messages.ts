import * as v from 'valibot';
import { encodeFrame } from './link-codec';

/** The JSON payloads of the card terminal link; the protocol is described in link-codec.ts. */

export const saleRefSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));

export const amountPaiseSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

const approvedSchema = v.object({
	outcome: v.literal('approved'),
	/** The issuer's approval code (ISO 8583 field 38). */
	authCode: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{1,12}$/)),
	/** At most the first six and the last four digits, the rest masked (PCI DSS). */
	maskedPan: v.pipe(v.string(), v.regex(/^[0-9]{0,6}[*X]{2,}[0-9]{4}$/)),
	cardType: v.picklist(['rupay', 'visa', 'mastercard', 'amex', 'diners', 'other']),
	/** Retrieval reference number (ISO 8583 field 37), what the bank's records are searched by. */
	rrn: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{12}$/)),
	amountPaise: amountPaiseSchema
});
const reasonSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const declinedSchema = v.object({ outcome: v.literal('declined'), reason: reasonSchema });
const cancelledSchema = v.object({ outcome: v.literal('cancelled') });

export const saleResultSchema = v.variant('outcome', [approvedSchema, declinedSchema, cancelledSchema]);

export const statusResultSchema = v.variant('outcome', [
	approvedSchema,
	declinedSchema,
	cancelledSchema,
	v.object({ outcome: v.literal('voided') }),
	v.object({ outcome: v.literal('in-progress') }),
	v.object({ outcome: v.literal('not-found') })
]);

export const voidResultSchema = v.variant('outcome', [
	v.object({ outcome: v.literal('voided') }),
	v.object({ outcome: v.literal('not-found') }),
	v.object({ outcome: v.literal('refused'), reason: reasonSchema })
]);

export const terminalRequestSchema = v.variant('type', [
	v.object({ type: v.literal('sale'), ref: saleRefSchema, amountPaise: amountPaiseSchema }),
	v.object({ type: v.literal('status'), ref: saleRefSchema }),
	v.object({ type: v.literal('void'), ref: saleRefSchema })
]);

const replyEntries = { type: v.literal('result'), ref: saleRefSchema };

export const terminalReplySchema = v.variant('request', [
	v.object({ ...replyEntries, request: v.literal('sale'), result: saleResultSchema }),
	v.object({ ...replyEntries, request: v.literal('status'), result: statusResultSchema }),
	v.object({ ...replyEntries, request: v.literal('void'), result: voidResultSchema })
]);

export type ApprovedSale = v.InferOutput<typeof approvedSchema>;
export type CardType = ApprovedSale['cardType'];
export type SaleResult = v.InferOutput<typeof saleResultSchema>;
export type StatusResult = v.InferOutput<typeof statusResultSchema>;
export type VoidResult = v.InferOutput<typeof voidResultSchema>;
export type TerminalRequest = v.InferOutput<typeof terminalRequestSchema>;
export type TerminalReply = v.InferOutput<typeof terminalReplySchema>;

export function encodeMessage(message: TerminalRequest | TerminalReply): Uint8Array<ArrayBuffer> {
	return encodeFrame(new TextEncoder().encode(JSON.stringify(message)));
}

/** The request in a frame payload, or null when it is not valid JSON of a known request. */
export function parseRequest(payload: Uint8Array): TerminalRequest | null {
	return parseWith(terminalRequestSchema, payload);
}

/** The reply in a frame payload, or null when it is not valid JSON of a known reply. */
export function parseReply(payload: Uint8Array): TerminalReply | null {
	return parseWith(terminalReplySchema, payload);
}

function parseWith<TSchema extends v.GenericSchema>(schema: TSchema, payload: Uint8Array): v.InferOutput<TSchema> | null {
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
	} catch {
		return null;
	}
	const parsed = v.safeParse(schema, json);
	return parsed.success ? parsed.output : null;
}
