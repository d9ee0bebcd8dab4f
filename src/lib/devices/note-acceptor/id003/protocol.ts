import type { SerialLineSettings } from '../../serial/serial-port';
import { rejectionOf, type RejectCodes } from '../rejections';
import type { NoteRejection } from '../types';

export const ID003_LINE_SETTINGS: SerialLineSettings = {
	baudRate: 9600,
	dataBits: 8,
	parity: 'even',
	stopBits: 1
};

/** Host-to-acceptor commands. */
export const Id003Command = {
	statusRequest: 0x11,
	reset: 0x40,
	stack1: 0x41,
	return: 0x43,
	hold: 0x44,
	/** The host's answer to VEND VALID; the acceptor answers operation commands with the same byte. */
	ack: 0x50,
	/** Which escrow codes the acceptor takes: a set bit disables one. */
	setDenominations: 0xc0,
	/** 0 accepts notes, 1 inhibits (disables) the acceptor. */
	setInhibit: 0xc3,
	/** Asks for the escrow code → value table. */
	currencyAssignRequest: 0x8a
} as const;

/** Acceptor-to-host statuses, the answer to a status request. */
export const Id003Status = {
	idling: 0x11,
	accepting: 0x12,
	escrow: 0x13,
	stacking: 0x14,
	vendValid: 0x15,
	stacked: 0x16,
	rejecting: 0x17,
	returning: 0x18,
	holding: 0x19,
	disabled: 0x1a,
	initialize: 0x1b,
	powerUp: 0x40,
	powerUpWithBillInAcceptor: 0x41,
	powerUpWithBillInStacker: 0x42,
	stackerFull: 0x43,
	stackerOpen: 0x44,
	jamInAcceptor: 0x45,
	jamInStacker: 0x46,
	pause: 0x47,
	cheated: 0x48,
	failure: 0x49,
	communicationError: 0x4a,
	invalidCommand: 0x4b
} as const;

/** Escrow data codes are 0x61 onwards; bit n of the enable/disable setting stands for 0x61 + n. */
export const FIRST_ESCROW_CODE = 0x61;
const DENOMINATION_SETTING_BYTES = 2;

/**
 * JCM's own country codes in the currency assign table. Only India's is listed: taken from
 * the ID003 driver in AlexObukhoff/TerminalClient (CurrencySpecification.h), not from JCM.
 */
export const JCM_COUNTRY_CODES: Readonly<Record<number, string>> = { 0x63: 'INR' };

/** The data of the enable/disable setting: a set bit disables that escrow code. */
export function denominationSettingData(enabledCodes: ReadonlySet<number>): Uint8Array {
	const data = new Uint8Array(DENOMINATION_SETTING_BYTES).fill(0xff);
	for (const code of enabledCodes) {
		const bit = code - FIRST_ESCROW_CODE;
		if (bit < 0 || bit >= DENOMINATION_SETTING_BYTES * 8) {
			throw new RangeError(`Escrow code 0x${code.toString(16)} has no enable bit`);
		}
		data[bit >> 3]! &= ~(1 << (bit & 7));
	}
	return data;
}

/** The escrow codes an enable/disable setting leaves enabled. */
export function enabledCodesOf(data: Uint8Array): Set<number> {
	const codes = new Set<number>();
	data.forEach((byte, index) => {
		for (let bit = 0; bit < 8; bit++) {
			if ((byte & (1 << bit)) === 0) codes.add(FIRST_ESCROW_CODE + index * 8 + bit);
		}
	});
	return codes;
}

export interface Id003CurrencyEntry {
	escrowCode: number;
	countryCode: number;
	/** In whole currency units (rupees). */
	value: number;
}

/** Currency assign data: four bytes per note — escrow code, country code, base, power of ten. */
export function encodeCurrencyAssignment(entries: readonly Id003CurrencyEntry[]): Uint8Array {
	return Uint8Array.from(
		entries.flatMap((entry) => {
			let exponent = 0;
			const fitsOneByte = () => entry.value / 10 ** exponent <= 0xff;
			while (!fitsOneByte() && entry.value % 10 ** (exponent + 1) === 0) exponent++;
			const base = entry.value / 10 ** exponent;
			if (!Number.isInteger(base) || !fitsOneByte()) {
				throw new RangeError(`${entry.value} is not base × 10^exponent with a one-byte base`);
			}
			return [entry.escrowCode, entry.countryCode, base, exponent];
		})
	);
}

export function decodeCurrencyAssignment(data: Uint8Array): Id003CurrencyEntry[] {
	if (data.length % 4 !== 0) {
		throw new Error(`Currency assign data must come in 4-byte entries, got ${data.length} bytes`);
	}
	const entries: Id003CurrencyEntry[] = [];
	for (let offset = 0; offset < data.length; offset += 4) {
		const [escrowCode, countryCode, base, exponent] = data.subarray(offset, offset + 4);
		entries.push({
			escrowCode: escrowCode!,
			countryCode: countryCode!,
			value: base! * 10 ** exponent!
		});
	}
	return entries;
}

/** Reject codes (the data byte of REJECTING), worded as the public ID003 drivers name them. */
const REJECT_CODES: RejectCodes = {
	inhibited: { 0x79: 'Returned by inhibit: this note value is disabled' },
	notRecognised: {
		0x72: 'Magnetic pattern error',
		0x74: 'Compensation error',
		0x76: 'The denomination could not be assessed',
		0x77: 'Photo pattern error',
		0x78: 'Photo level error',
		0x7e: 'Colour pattern error',
		0x7f: 'True bill feature error'
	},
	insertion: { 0x71: 'Insertion error' },
	length: { 0x7d: 'Length error' },
	transport: {
		0x73: 'A note was left in the acceptor head',
		0x75: 'Conveying error',
		0x7c: 'A note was left in the stacker'
	},
	other: { 0x7b: 'Operation error' }
};

export function id003Rejection(code: number): NoteRejection {
	return rejectionOf(REJECT_CODES, code);
}

/** Failure codes (the data byte of FAILURE). */
const FAILURES: Readonly<Record<number, string>> = {
	0xa2: 'stacker motor failure',
	0xa5: 'transport motor speed failure',
	0xa6: 'transport motor failure',
	0xa7: 'aligning motor failure',
	0xab: 'cash box not ready',
	0xaf: 'validator head removed',
	0xb0: 'boot ROM failure',
	0xb1: 'external ROM failure',
	0xb2: 'ROM failure',
	0xb3: 'external ROM write failure'
};

export function id003FailureDetail(code: number | undefined): string {
	if (code === undefined) return 'failure';
	return FAILURES[code] ?? `failure code 0x${code.toString(16)}`;
}
