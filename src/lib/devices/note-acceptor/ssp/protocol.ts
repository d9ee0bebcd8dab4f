import type { SerialLineSettings } from '../../serial/serial-port';
import { rejectionOf, type RejectCodes } from '../rejections';
import type { NoteRejection } from '../types';

export const SSP_LINE_SETTINGS: SerialLineSettings = {
	baudRate: 9600,
	dataBits: 8,
	parity: 'none',
	stopBits: 2
};

/** Protocol 6 added per-channel currencies and four-byte channel values, which ₹2000 needs. */
export const SSP_PROTOCOL_VERSION = 6;

/** A note validator, as SETUP REQUEST reports its unit type. */
export const SSP_NOTE_VALIDATOR = 0x00;

export const SspCommand = {
	reset: 0x01,
	setChannelInhibits: 0x02,
	setupRequest: 0x05,
	hostProtocolVersion: 0x06,
	poll: 0x07,
	rejectBanknote: 0x08,
	disable: 0x09,
	enable: 0x0a,
	sync: 0x11,
	lastRejectCode: 0x17,
	hold: 0x18
} as const;

/** The first data byte of every reply. */
export const SspResponse = {
	ok: 0xf0,
	unknownCommand: 0xf2,
	wrongParameters: 0xf3,
	parameterOutOfRange: 0xf4,
	cannotProcess: 0xf5,
	softwareError: 0xf6,
	fail: 0xf8,
	keyNotSet: 0xfa
} as const;

const RESPONSE_NAMES: Readonly<Record<number, string>> = {
	[SspResponse.ok]: 'OK',
	[SspResponse.unknownCommand]: 'UNKNOWN COMMAND',
	[SspResponse.wrongParameters]: 'WRONG PARAMETERS',
	[SspResponse.parameterOutOfRange]: 'PARAMETER OUT OF RANGE',
	[SspResponse.cannotProcess]: 'CANNOT PROCESS',
	[SspResponse.softwareError]: 'SOFTWARE ERROR',
	[SspResponse.fail]: 'FAIL',
	[SspResponse.keyNotSet]: 'KEY NOT SET'
};

export function sspResponseName(code: number | undefined): string {
	if (code === undefined) return 'an empty reply';
	return RESPONSE_NAMES[code] ?? `0x${code.toString(16)}`;
}

/** Events in a POLL reply. */
export const SspEvent = {
	slaveReset: 0xf1,
	readNote: 0xef,
	creditNote: 0xee,
	noteRejecting: 0xed,
	noteRejected: 0xec,
	noteStacking: 0xcc,
	noteStacked: 0xeb,
	safeNoteJam: 0xea,
	unsafeNoteJam: 0xe9,
	disabled: 0xe8,
	stackerFull: 0xe7,
	fraudAttempt: 0xe6,
	cashBoxReplaced: 0xe4,
	cashBoxRemoved: 0xe3,
	noteClearedIntoCashBox: 0xe2,
	noteClearedFromFront: 0xe1,
	notePathOpen: 0xe0
} as const;

const KNOWN_EVENTS: ReadonlySet<number> = new Set(Object.values(SspEvent));

/** Events followed by one channel byte; the others carry no data. */
const EVENTS_WITH_CHANNEL: ReadonlySet<number> = new Set([
	SspEvent.readNote,
	SspEvent.creditNote,
	SspEvent.fraudAttempt,
	SspEvent.noteClearedFromFront,
	SspEvent.noteClearedIntoCashBox
]);

export interface SspPollEvent {
	code: number;
	/** 1-based; 0 means "not known yet" (READ NOTE while the note is still being read). */
	channel: number | null;
}

/**
 * Splits the data after OK of a POLL reply into events. An unknown event stops decoding,
 * because its length, and so where the next event starts, is unknown.
 */
export function decodePollEvents(data: Uint8Array): SspPollEvent[] {
	const events: SspPollEvent[] = [];
	for (let index = 0; index < data.length; index++) {
		const code = data[index]!;
		if (!KNOWN_EVENTS.has(code)) throw new Error(`Unknown SSP poll event 0x${code.toString(16)}`);
		if (!EVENTS_WITH_CHANNEL.has(code)) {
			events.push({ code, channel: null });
			continue;
		}
		const channel = data[++index];
		if (channel === undefined) {
			throw new Error(`SSP poll event 0x${code.toString(16)} lacks its channel byte`);
		}
		events.push({ code, channel });
	}
	return events;
}

export function encodePollEvents(events: readonly SspPollEvent[]): Uint8Array {
	return Uint8Array.from(events.flatMap((event) => (event.channel === null ? [event.code] : [event.code, event.channel])));
}

export interface SspChannel {
	/** In whole currency units, from the expanded (four-byte) channel values. */
	value: number;
	currency: string;
}

/** The reply to SETUP REQUEST from a note validator, without the leading OK. */
export interface SspSetup {
	unitType: number;
	/** Four ASCII digits, "0420" for 4.20. */
	firmwareVersion: string;
	countryCode: string;
	/** Multiplies the legacy one-byte channel values. */
	valueMultiplier: number;
	channels: readonly SspChannel[];
	/** Multiplies a channel value into the currency's smallest unit (100 for rupees to paise). */
	realValueMultiplier: number;
	protocolVersion: number;
}

const ascii = new TextDecoder('ascii');

function uint24BigEndian(bytes: Uint8Array, at: number): number {
	return (bytes[at]! << 16) | (bytes[at + 1]! << 8) | bytes[at + 2]!;
}

/**
 * Layout (after OK): unit type, firmware (4 ASCII), country (3 ASCII), value multiplier
 * (3, big-endian), channel count n, n legacy values, n security levels, real value
 * multiplier (3, big-endian), protocol version, then from protocol 6: n currencies
 * (3 ASCII each) and n values (4, little-endian each).
 */
export function decodeSetupResponse(payload: Uint8Array): SspSetup {
	const count = payload[11];
	if (count === undefined) throw new Error('SSP setup reply is too short');
	const realMultiplierAt = 12 + 2 * count;
	const protocolVersion = payload[realMultiplierAt + 3];
	if (protocolVersion === undefined) throw new Error('SSP setup reply is too short');
	if (protocolVersion < SSP_PROTOCOL_VERSION) {
		throw new Error(`SSP setup reply is for protocol ${protocolVersion}; ` + `channel values need ${SSP_PROTOCOL_VERSION} or later`);
	}
	const currenciesAt = realMultiplierAt + 4;
	const valuesAt = currenciesAt + 3 * count;
	if (payload.length < valuesAt + 4 * count) {
		throw new Error('SSP setup reply is too short for its channels');
	}
	const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
	const channels = Array.from({ length: count }, (_, channel) => {
		const currencyAt = currenciesAt + 3 * channel;
		return {
			value: view.getUint32(valuesAt + 4 * channel, true),
			currency: ascii.decode(payload.subarray(currencyAt, currencyAt + 3))
		};
	});
	return {
		unitType: payload[0]!,
		firmwareVersion: ascii.decode(payload.subarray(1, 5)),
		countryCode: ascii.decode(payload.subarray(5, 8)),
		valueMultiplier: uint24BigEndian(payload, 8),
		channels,
		realValueMultiplier: uint24BigEndian(payload, realMultiplierAt),
		protocolVersion
	};
}

/** Standard security, written for every channel; hosts ignore this legacy field. */
const STANDARD_SECURITY = 2;

export function encodeSetupResponse(setup: SspSetup): Uint8Array {
	const uint24 = (value: number) => [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
	const text = (value: string, length: number) =>
		Array.from(value.padEnd(length, ' ').slice(0, length), (character) => character.charCodeAt(0));
	// A value that does not fit the legacy byte is sent as 0; hosts read the four-byte values.
	const legacyValue = (value: number) => {
		const legacy = value / setup.valueMultiplier;
		return Number.isInteger(legacy) && legacy <= 0xff ? legacy : 0;
	};
	const uint32 = (value: number) => [0, 8, 16, 24].map((shift) => (value >>> shift) & 0xff);
	return Uint8Array.from([
		setup.unitType,
		...text(setup.firmwareVersion, 4),
		...text(setup.countryCode, 3),
		...uint24(setup.valueMultiplier),
		setup.channels.length,
		...setup.channels.map((channel) => legacyValue(channel.value)),
		...setup.channels.map(() => STANDARD_SECURITY),
		...uint24(setup.realValueMultiplier),
		setup.protocolVersion,
		...setup.channels.flatMap((channel) => text(channel.currency, 3)),
		...setup.channels.flatMap((channel) => uint32(channel.value))
	]);
}

/** SET CHANNEL INHIBITS data: bit n-1 set enables channel n; at least two bytes. */
export function channelInhibitsData(enabledChannels: ReadonlySet<number>, channelCount: number): Uint8Array {
	const data = new Uint8Array(Math.max(2, Math.ceil(channelCount / 8)));
	for (const channel of enabledChannels) {
		if (channel < 1 || channel > data.length * 8) {
			throw new RangeError(`Channel ${channel} has no inhibit bit`);
		}
		data[(channel - 1) >> 3]! |= 1 << ((channel - 1) & 7);
	}
	return data;
}

export function enabledChannelsOf(data: Uint8Array): Set<number> {
	const channels = new Set<number>();
	data.forEach((byte, index) => {
		for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) channels.add(index * 8 + bit + 1);
	});
	return channels;
}

/** LAST REJECT CODE values, worded after ITL's eSSP example code. */
const REJECT_CODES: RejectCodes = {
	inhibited: {
		0x06: 'Channel inhibited',
		0x0c: 'Validator disabled'
	},
	notRecognised: {
		0x02: 'Invalid note (average fail)',
		0x03: 'Invalid note (coastline fail)',
		0x04: 'Invalid note (graph fail)',
		0x05: 'Invalid note (buried fail)',
		0x09: 'Invalid note (cross channel)',
		0x0f: 'Fraud channel reject',
		0x11: 'Invalid note read (peak detect)',
		0x12: 'Twisted note detected',
		0x14: 'Bar code scan fail',
		0x16: 'Invalid note read (slot fail 1)',
		0x17: 'Invalid note read (slot fail 2)',
		0x19: 'Incorrect note width'
	},
	insertion: { 0x10: 'No notes inserted' },
	length: {
		0x01: 'Note length incorrect',
		0x0b: 'Note too long',
		0x1a: 'Note too short'
	},
	doubleNote: {
		0x07: 'Second note inserted during read',
		0x1c: 'Double note detected'
	},
	transport: {
		0x0a: 'Rear sensor error',
		0x0d: 'Mechanism slow or stalled',
		0x15: 'Note did not reach the validation section',
		0x18: 'Note moved too fast to sample',
		0x1d: 'Unable to stack'
	},
	other: {
		0x08: 'Host rejected note',
		0x0e: 'Strimming attempt',
		0x13: 'Escrow time-out'
	}
};

export function sspRejection(code: number | undefined): NoteRejection {
	if (code === undefined) return { reason: 'other', detail: 'No reject code given' };
	return rejectionOf(REJECT_CODES, code);
}
