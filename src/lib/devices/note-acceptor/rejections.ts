import type { NoteRejection, NoteRejectReason } from './types';

/**
 * A protocol's reject codes, grouped by what they mean in words common to both protocols, each
 * with the device's own wording (for logs and the operator).
 */
export type RejectCodes = Readonly<Partial<Record<NoteRejectReason, Readonly<Record<number, string>>>>>;

/**
 * What a reject code means. A code the protocol's table lacks (newer firmware) is still a
 * rejection: the note came back, and the operator sees the code's number.
 */
export function rejectionOf(codes: RejectCodes, code: number): NoteRejection {
	for (const [reason, details] of Object.entries(codes) as [NoteRejectReason, Readonly<Record<number, string>>][]) {
		const detail = details[code];
		if (detail !== undefined) return { reason, detail };
	}
	return { reason: 'other', detail: `Reject code 0x${code.toString(16)}` };
}
