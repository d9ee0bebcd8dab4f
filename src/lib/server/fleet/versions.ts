import type { Kysely } from 'kysely';
import { version as hubVersion } from '$app/environment';
import { ApiError } from '$lib/server/api/http';
import type { Database } from '$lib/server/db/schema';
import { KIOSK_REPLAY_HEADER, KIOSK_VERSION_HEADER } from '$lib/contract';

const CURRENT_KIOSK_VERSION = 'current_kiosk_version';
const VERSION_PATTERN = /^(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/;

export function isKioskVersion(text: string): boolean {
	return VERSION_PATTERN.test(text);
}

/** Orders two `major.minor.patch` versions; a version that is not one sorts below every real one. */
export function compareVersions(a: string, b: string): number {
	const parse = (text: string) => VERSION_PATTERN.exec(text)?.slice(1).map(Number) ?? [-1, -1, -1];
	const right = parse(b);
	return (
		parse(a)
			.map((part, index) => part - (right[index] ?? -1))
			.find((difference) => difference !== 0) ?? 0
	);
}

/**
 * The version every kiosk must run to start a transaction: what the programme office set, else the
 * hub's own build (the hub serves the kiosk app, so a fresh deployment is the current version).
 */
export async function currentKioskVersion(db: Kysely<Database>): Promise<string> {
	const row = await db.selectFrom('hub_settings').select('value').where('key', '=', CURRENT_KIOSK_VERSION).executeTakeFirst();
	return row?.value ?? hubVersion;
}

export async function setCurrentKioskVersion(db: Kysely<Database>, version: string, now: Date): Promise<void> {
	if (!isKioskVersion(version)) throw new ApiError(422, 'invalid_fields', 'A version is major.minor.patch', { version: 'format' });
	await db
		.insertInto('hub_settings')
		.values({ key: CURRENT_KIOSK_VERSION, value: version, updated_at: now.toISOString() })
		.onConflict((conflict) => conflict.column('key').doUpdateSet({ value: version, updated_at: now.toISOString() }))
		.execute();
}

export function isOutdated(kioskVersion: string, current: string): boolean {
	return compareVersions(kioskVersion, current) < 0;
}

/** When this hub process started: the moment a kiosk fell behind the hub's own build. */
const HUB_STARTED_AT = new Date().toISOString();

/** The moment the current version became current: when the programme office set it, else the hub's start. */
async function currentSince(db: Kysely<Database>): Promise<string> {
	const row = await db.selectFrom('hub_settings').select('updated_at').where('key', '=', CURRENT_KIOSK_VERSION).executeTakeFirst();
	return row?.updated_at ?? HUB_STARTED_AT;
}

/** A kiosk's clock may run a little ahead of the hub's. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A kiosk behind the current version may not start a new transaction: it shows "updating" and
 * takes the new version between citizens. One exception, or money would be stranded: a payment
 * its outbox queued (cash the citizen already put in, perhaps offline) before the kiosk fell
 * behind. The outbox says when it queued it (`X-Kiosk-Replay: <ISO instant>`); the hub honours
 * that only for a payment that can be queued (`queueable`: cash) and only when the instant lies
 * before the current version was set — so the header cannot carry new transactions past the gate.
 * A lying kiosk could still backdate one; it is an enrolled machine acting against its own
 * programme, and every payment it makes is audited with its code.
 */
export async function refuseOutdatedKiosk(
	db: Kysely<Database>,
	request: Request,
	now: Date,
	options: { queueable: boolean }
): Promise<void> {
	const kioskVersion = request.headers.get(KIOSK_VERSION_HEADER)?.trim() ?? '';
	const current = await currentKioskVersion(db);
	if (!isOutdated(kioskVersion, current)) return;
	const queuedAt = Date.parse(request.headers.get(KIOSK_REPLAY_HEADER) ?? '');
	const replayOfQueued =
		options.queueable &&
		Number.isFinite(queuedAt) &&
		queuedAt <= now.getTime() + CLOCK_SKEW_MS &&
		queuedAt < Date.parse(await currentSince(db));
	if (replayOfQueued) return;
	throw new ApiError(403, 'kiosk_outdated', `This kiosk runs ${kioskVersion || 'an unknown version'}; ${current} is required`);
}
