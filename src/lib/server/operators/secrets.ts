import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/*
 * Hashes of what people type (passwords, PINs) and of what the hub hands out (tokens, enrolment
 * codes). Typed secrets get scrypt, which makes guessing slow; random 256-bit tokens need only
 * SHA-256, which lets the hub find a token by its hash.
 */

const SCRYPT = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function scryptAsync(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(secret.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
			error ? reject(error) : resolve(key)
		)
	);
}

/** `scrypt$N$r$p$salt$hash`, so stronger settings can come later without breaking old hashes. */
export async function hashSecret(secret: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await scryptAsync(secret, salt, SCRYPT);
	return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifySecret(secret: string, stored: string | null | undefined): Promise<boolean> {
	// An account without a hash still costs a hash, so timing does not tell which SSO IDs exist.
	const parts = (stored ?? '').split('$');
	const valid = parts.length === 6 && parts[0] === 'scrypt';
	const [N, r, p] = valid ? parts.slice(1, 4).map(Number) : [SCRYPT.N, SCRYPT.r, SCRYPT.p];
	const salt = valid ? Buffer.from(parts[4] ?? '', 'base64url') : randomBytes(16);
	const expected = valid ? Buffer.from(parts[5] ?? '', 'base64url') : randomBytes(KEY_LENGTH);
	const key = await scryptAsync(secret, salt, { N, r, p });
	return valid && expected.length === key.length && timingSafeEqual(expected, key);
}

/** A random token (256 bits, base64url) to give out; keep only `tokenHash(token)`. */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
