import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Locale, maskMobile, type MobileChangeRequest, type MobileChangeView } from '$lib/contract';
import { ApiError } from '$lib/server/api/http';
import type { Database, Kiosk, MobileChange } from '$lib/server/db/schema';
import { randomDigits } from '$lib/server/payments/ids';
import { maskName } from '$lib/server/privacy/mask';
import { countLookup } from './rate-limit';
import type { DepartmentDeps } from './deps';

/** How long an OTP is good for, and how many wrong ones end the request. */
export const OTP_VALID_MS = 10 * 60_000;
export const OTP_ATTEMPTS = 3;

const hashOtp = (changeId: string, otp: string) => createHash('sha256').update(`${changeId}:${otp}`).digest('hex');

function otpSms(otp: string, memberName: string, language: Locale): string {
	return language === 'hi'
		? `ई-मित्र+: जन आधार में ${memberName} का मोबाइल नंबर बदलने के लिए OTP ${otp} है। यह 10 मिनट तक मान्य है। इसे किसी को न बताएं।`
		: `e-Mitra+: ${otp} is the OTP to change ${memberName}'s mobile number in Jan Aadhaar. Valid for 10 minutes. Do not share it.`;
}

function changedSms(memberName: string, newMobile: string, kioskCode: string, language: Locale): string {
	return language === 'hi'
		? `ई-मित्र+: जन आधार में ${memberName} का मोबाइल नंबर ${maskMobile(newMobile)} कर दिया गया (कियोस्क ${kioskCode})। यदि यह आपने नहीं किया, तो ई-मित्र केंद्र पर संपर्क करें।`
		: `e-Mitra+: ${memberName}'s mobile number in Jan Aadhaar is now ${maskMobile(newMobile)} (kiosk ${kioskCode}). If you did not ask for this, contact an e-Mitra centre.`;
}

async function audit(trx: Kysely<Database>, changeId: string, event: string, detail: Record<string, unknown> | null, at: Date) {
	await trx
		.insertInto('mobile_change_audit')
		.values({ change_id: changeId, event, detail: detail && JSON.stringify(detail), at: at.toISOString() })
		.execute();
}

async function memberOf(deps: DepartmentDeps, janAadhaarId: string, memberId: string) {
	const family = await deps.departments.janAadhaar.family(janAadhaarId);
	const member = family.find((candidate) => candidate.memberId === memberId);
	if (!member) throw new ApiError(404, 'not_found', `Family ${janAadhaarId} has no member ${memberId}`);
	return member;
}

function view(change: MobileChange, memberName: string): MobileChangeView {
	return {
		changeId: change.id,
		status: change.status,
		memberNameMasked: maskName(memberName),
		newMobileMasked: maskMobile(change.new_mobile),
		otpAttemptsLeft: change.otp_attempts_left,
		completedAt: change.completed_at
	};
}

/** Starts a change: an OTP goes by SMS to the new number, which proves the citizen holds it. */
export async function startMobileChange(deps: DepartmentDeps, kiosk: Kiosk, request: MobileChangeRequest): Promise<MobileChangeView> {
	// Each start sends an SMS: counted like a lookup, so a script cannot flood a number.
	await countLookup(deps.db, kiosk.code, deps.lookupsPerMinute, deps.now());
	const member = await memberOf(deps, request.janAadhaarId, request.memberId);
	if (member.mobile === request.newMobile) {
		throw new ApiError(422, 'same_mobile', 'The member already has this mobile number');
	}
	const now = deps.now();
	const otp = String(randomInt(1_000_000)).padStart(6, '0');
	const id = `MC${randomDigits(12)}`;
	return deps.db.transaction().execute(async (trx) => {
		const change = await trx
			.insertInto('mobile_changes')
			.values({
				id,
				kiosk_code: kiosk.code,
				family_id: request.janAadhaarId,
				member_id: member.memberId,
				new_mobile: request.newMobile,
				language: request.language,
				otp_hash: hashOtp(id, otp),
				otp_attempts_left: OTP_ATTEMPTS,
				status: 'otp_sent',
				expires_at: new Date(now.getTime() + OTP_VALID_MS).toISOString(),
				created_at: now.toISOString()
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(
			trx,
			id,
			'otp_sent',
			{ kiosk: kiosk.code, to: maskMobile(request.newMobile), from: member.mobile && maskMobile(member.mobile) },
			now
		);
		const name = member.name[request.language];
		const sms = { mobile: request.newMobile, language: request.language, paymentId: null, kioskCode: kiosk.code };
		await deps.sms.send(trx, { ...sms, body: otpSms(otp, name, request.language) }, now);
		return view(change, name);
	});
}

/**
 * The OTP from the new number and the member's fingerprint: both must pass before the authority's
 * record changes. A wrong OTP costs a try; a fingerprint that does not match changes nothing.
 */
export async function verifyMobileChange(
	deps: DepartmentDeps,
	kiosk: Kiosk,
	changeId: string,
	proof: { otp: string; pidBlock: string }
): Promise<MobileChangeView> {
	const now = deps.now();
	const change = await deps.db
		.selectFrom('mobile_changes')
		.selectAll()
		.where('id', '=', changeId)
		.where('kiosk_code', '=', kiosk.code)
		.executeTakeFirst();
	if (!change) throw new ApiError(404, 'no_mobile_change', `Kiosk ${kiosk.code} has no mobile change ${changeId}`);
	const member = await memberOf(deps, change.family_id, change.member_id);
	const name = member.name[change.language];
	if (change.status !== 'otp_sent') throw new ApiError(409, 'change_closed', `Change ${changeId} is ${change.status}`);
	if (change.expires_at <= now.toISOString()) throw new ApiError(410, 'otp_expired', 'The OTP has expired; start again');

	if (change.otp_verified_at === null) {
		const expected = Buffer.from(change.otp_hash, 'hex');
		const given = Buffer.from(hashOtp(change.id, proof.otp), 'hex');
		if (!timingSafeEqual(expected, given)) {
			const left = change.otp_attempts_left - 1;
			await deps.db.transaction().execute(async (trx) => {
				await trx
					.updateTable('mobile_changes')
					.set({ otp_attempts_left: left, ...(left === 0 ? { status: 'failed', failure: 'otp_attempts_exhausted' } : {}) })
					.where('id', '=', change.id)
					.execute();
				await audit(trx, change.id, 'otp_incorrect', { attemptsLeft: left }, now);
			});
			if (left === 0) throw new ApiError(422, 'otp_attempts_exhausted', 'Too many wrong OTPs; start again');
			throw new ApiError(422, 'otp_incorrect', `The OTP is not right; ${left} tries left`, { otp: String(left) });
		}
		await deps.db.transaction().execute(async (trx) => {
			await trx.updateTable('mobile_changes').set({ otp_verified_at: now.toISOString() }).where('id', '=', change.id).execute();
			await audit(trx, change.id, 'otp_verified', null, now);
		});
	}

	const fingerprint = await deps.departments.janAadhaar.authenticate(change.member_id, proof.pidBlock);
	if (fingerprint === 'mismatch') {
		await deps.db.transaction().execute((trx) => audit(trx, change.id, 'fingerprint_mismatch', null, now));
		throw new ApiError(422, 'fingerprint_mismatch', 'The fingerprint does not match the member’s Aadhaar');
	}

	// The authority's record changes first; ours then says so, with its audit trail and the SMS.
	await deps.departments.janAadhaar.updateMobile(change.member_id, change.new_mobile);
	return deps.db.transaction().execute(async (trx) => {
		await audit(trx, change.id, 'fingerprint_matched', null, now);
		const completed = await trx
			.updateTable('mobile_changes')
			.set({ status: 'completed', completed_at: now.toISOString() })
			.where('id', '=', change.id)
			.where('status', '=', 'otp_sent')
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(
			trx,
			change.id,
			'mobile_updated',
			{ from: member.mobile && maskMobile(member.mobile), to: maskMobile(change.new_mobile) },
			now
		);
		const sms = {
			language: change.language,
			paymentId: null,
			kioskCode: kiosk.code,
			body: changedSms(name, change.new_mobile, kiosk.code, change.language)
		};
		await deps.sms.send(trx, { ...sms, mobile: change.new_mobile }, now);
		// The old number hears of it too: a change its holder did not ask for is caught.
		if (member.mobile) await deps.sms.send(trx, { ...sms, mobile: member.mobile }, now);
		return view(completed, name);
	});
}
