import type { FrameExtraction } from '../serial/byte-stream-reader';
import type { SerialLineSettings } from '../serial/serial-port';

/**
 * e-Mitra+ card terminal link, version 1.
 *
 * India has no single serial protocol for POS card terminals (each acquirer's ECR integration
 * differs), so the kiosk speaks this one and a small adapter on the terminal side, or the
 * terminal vendor, implements it. `CardTerminalSimulator` is the reference implementation.
 *
 * Line: serial, 115200 baud, 8N1, no flow control (`CARD_TERMINAL_LINE_SETTINGS`).
 *
 * Frame:  STX | LEN_HI LEN_LO | PAYLOAD | ETX | CRC_HI CRC_LO
 *   STX      0x02
 *   LEN      payload length in bytes, big-endian, 1…4096
 *   PAYLOAD  one JSON object, UTF-8 (see terminal-messages.ts)
 *   ETX      0x03
 *   CRC      CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, not reflected, no final XOR)
 *            over LEN_HI through ETX; big-endian. Check value: "123456789" → 0x29B1.
 *
 * A receiver trusts LEN, not a search for ETX, then checks ETX and the CRC. When a frame is bad
 * (length out of range, no ETX, CRC mismatch) it drops only that STX byte and looks for the next
 * STX, so one corrupted frame never swallows the frames after it. JSON text never holds a raw
 * 0x02 or 0x03 (it escapes control characters), so either byte inside a claimed payload marks
 * the frame bad at once, rather than after waiting for a corrupted LEN's worth of bytes.
 * There is no ACK/NAK: every request has exactly one reply frame, and a frame lost either way
 * looks like no reply.
 *
 * Requests (kiosk → terminal) and replies (terminal → kiosk):
 *   {"type":"sale","ref":R,"amountPaise":N}  → {"type":"result","request":"sale","ref":R,"result":{…}}
 *       result.outcome: "approved" (authCode, maskedPan, cardType, rrn, amountPaise),
 *                       "declined" (reason) or "cancelled".
 *       The terminal answers when the citizen has finished at the terminal, and cancels the sale
 *       itself when the citizen takes longer than 120 seconds, so the reply can take two minutes.
 *   {"type":"status","ref":R}                → result.outcome: what became of the sale with ref R:
 *       "approved" (with details), "declined", "cancelled", "voided", "in-progress", or
 *       "not-found" (the terminal never received it: nothing was charged). Answered at once.
 *   {"type":"void","ref":R}                  → result.outcome: "voided", "not-found" or
 *       "refused" (reason, for example already settled). Answered at once.
 *
 * Rules the terminal must keep:
 *   - R (1–64 characters of A–Z a–z 0–9 _ -) is the kiosk's idempotency key. A sale for a ref the
 *     terminal has seen is never charged again: it is answered with the stored result, absorbed
 *     into the sale still in progress, or declined with reason "ref-reused" when the amount differs.
 *   - Voiding a voided sale answers "voided" again; it never refunds twice.
 *   - Amounts are integer paise.
 */

export const CARD_TERMINAL_LINE_SETTINGS: SerialLineSettings = {
	baudRate: 115200,
	dataBits: 8,
	parity: 'none',
	stopBits: 1
};

export const STX = 0x02;
export const ETX = 0x03;
export const MAX_PAYLOAD_LENGTH = 4096;

/** STX, two length bytes, ETX and two CRC bytes around the payload. */
const FRAME_OVERHEAD = 6;

export function crc16CcittFalse(bytes: Uint8Array): number {
	let crc = 0xffff;
	for (const byte of bytes) {
		crc ^= byte << 8;
		for (let bit = 0; bit < 8; bit++) {
			crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
		}
	}
	return crc;
}

export function encodeFrame(payload: Uint8Array): Uint8Array<ArrayBuffer> {
	if (payload.length < 1 || payload.length > MAX_PAYLOAD_LENGTH) {
		throw new RangeError(`A frame carries 1 to ${MAX_PAYLOAD_LENGTH} payload bytes, not ${payload.length}`);
	}
	if (payload.includes(STX) || payload.includes(ETX)) {
		throw new RangeError('A frame payload cannot hold the bytes 0x02 or 0x03');
	}
	const frame = new Uint8Array(payload.length + FRAME_OVERHEAD);
	frame[0] = STX;
	frame[1] = payload.length >> 8;
	frame[2] = payload.length & 0xff;
	frame.set(payload, 3);
	frame[3 + payload.length] = ETX;
	const crc = crc16CcittFalse(frame.subarray(1, 4 + payload.length));
	frame[4 + payload.length] = crc >> 8;
	frame[5 + payload.length] = crc & 0xff;
	return frame;
}

/**
 * The first frame's payload at the start of `bytes`, in the shape `ByteStreamReader` asks for:
 * noise before an STX is consumed, a bad frame consumes its STX only, and an incomplete frame
 * consumes nothing until more bytes arrive.
 */
export function extractFrame(bytes: Uint8Array): FrameExtraction<Uint8Array> {
	const start = bytes.indexOf(STX);
	if (start === -1) return { frame: null, consumed: bytes.length };
	if (bytes.length < start + 3) return { frame: null, consumed: start };
	const length = ((bytes[start + 1] ?? 0) << 8) | (bytes[start + 2] ?? 0);
	if (length < 1 || length > MAX_PAYLOAD_LENGTH) return { frame: null, consumed: start + 1 };
	const end = start + length + FRAME_OVERHEAD;
	const payload = bytes.subarray(start + 3, Math.min(bytes.length, start + 3 + length));
	if (payload.includes(STX) || payload.includes(ETX)) return { frame: null, consumed: start + 1 };
	if (bytes.length < end) return { frame: null, consumed: start };
	const crc = ((bytes[end - 2] ?? 0) << 8) | (bytes[end - 1] ?? 0);
	const intact = bytes[end - 3] === ETX && crc === crc16CcittFalse(bytes.subarray(start + 1, end - 2));
	if (!intact) return { frame: null, consumed: start + 1 };
	return { frame: payload.slice(), consumed: end };
}

/** Every complete frame's payload in `bytes`, and the bytes to keep for when more arrive. */
export function drainFrames(bytes: Uint8Array): { payloads: Uint8Array[]; rest: Uint8Array } {
	const payloads: Uint8Array[] = [];
	let rest = bytes;
	for (;;) {
		const { frame, consumed } = extractFrame(rest);
		rest = rest.subarray(consumed);
		if (frame) payloads.push(frame);
		else if (consumed === 0) return { payloads, rest };
	}
}
