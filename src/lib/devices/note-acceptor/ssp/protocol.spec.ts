import { describe, expect, it } from 'vitest';
import {
	channelInhibitsData,
	decodePollEvents,
	decodeSetupResponse,
	enabledChannelsOf,
	encodePollEvents,
	encodeSetupResponse,
	SspEvent,
	sspRejection
} from './protocol';

const fromHex = (text: string) => Uint8Array.from(text.split(' '), (pair) => parseInt(pair, 16));

/** The data of the published SETUP REQUEST reply in the `ssp` crate (decapod-atm/ssp), after OK. */
const EUR_SETUP = fromHex(
	'00 00 33 33 33 45 55 52 00 00 01 04 05 0A 14 32 02 02 02 02 00 00 64 07 ' +
		'45 55 52 45 55 52 45 55 52 45 55 52 05 00 00 00 0A 00 00 00 14 00 00 00 32 00 00 00'
);

describe('SSP setup request', () => {
	it('reads a published reply', () => {
		const setup = decodeSetupResponse(EUR_SETUP);

		expect(setup).toMatchObject({
			unitType: 0,
			countryCode: 'EUR',
			valueMultiplier: 1,
			realValueMultiplier: 100,
			protocolVersion: 7
		});
		expect(setup.channels).toEqual([5, 10, 20, 50].map((value) => ({ value, currency: 'EUR' })));
	});

	it('writes the same bytes it reads', () => {
		const written = encodeSetupResponse(decodeSetupResponse(EUR_SETUP));

		expect(Array.from(written)).toEqual(Array.from(EUR_SETUP));
	});

	it('carries ₹2000 in the four-byte values and 0 in the legacy byte it does not fit', () => {
		const setup = {
			unitType: 0,
			firmwareVersion: '0420',
			countryCode: 'INR',
			valueMultiplier: 1,
			channels: [100, 2000].map((value) => ({ value, currency: 'INR' })),
			realValueMultiplier: 100,
			protocolVersion: 6
		};

		const data = encodeSetupResponse(setup);

		expect(Array.from(data.subarray(12, 14))).toEqual([100, 0]);
		expect(decodeSetupResponse(data)).toEqual(setup);
	});

	it('refuses a reply from before protocol 6, which lacks the four-byte values', () => {
		const old = EUR_SETUP.slice(0, 24);
		old[23] = 5;

		expect(() => decodeSetupResponse(old)).toThrow('protocol 5');
	});
});

describe('SSP poll events', () => {
	it('splits events, reading a channel byte only where one belongs', () => {
		const data = Uint8Array.from([0xf1, 0xe1, 0x03, 0xef, 0x00, 0xcc, 0xee, 0x04, 0xeb, 0xe8]);

		const events = decodePollEvents(data);

		expect(events).toEqual([
			{ code: SspEvent.slaveReset, channel: null },
			{ code: SspEvent.noteClearedFromFront, channel: 3 },
			{ code: SspEvent.readNote, channel: 0 },
			{ code: SspEvent.noteStacking, channel: null },
			{ code: SspEvent.creditNote, channel: 4 },
			{ code: SspEvent.noteStacked, channel: null },
			{ code: SspEvent.disabled, channel: null }
		]);
		expect(Array.from(encodePollEvents(events))).toEqual(Array.from(data));
	});

	it('stops at an event it does not know, since it cannot tell how long it is', () => {
		expect(() => decodePollEvents(Uint8Array.from([0xe8, 0x99]))).toThrow('Unknown SSP poll event 0x99');
	});

	it('refuses a channel event without its channel', () => {
		expect(() => decodePollEvents(Uint8Array.from([0xee]))).toThrow('lacks its channel byte');
	});
});

describe('SSP channel inhibits and reject codes', () => {
	it('sets bit n-1 to enable channel n, in at least two bytes', () => {
		const data = channelInhibitsData(new Set([1, 4, 9]), 7);

		expect(Array.from(data)).toEqual([0b0000_1001, 0b0000_0001]);
		expect(enabledChannelsOf(data)).toEqual(new Set([1, 4, 9]));
	});

	it('names reject codes', () => {
		expect(sspRejection(0x06)).toEqual({ reason: 'inhibited', detail: 'Channel inhibited' });
		expect(sspRejection(0x1c).reason).toBe('doubleNote');
		expect(sspRejection(0x99).reason).toBe('other');
	});
});
