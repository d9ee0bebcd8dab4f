/**
 * Where an enrolled kiosk keeps who it is: one IndexedDB record with its kiosk code and its
 * ECDSA key pair, the private key non-extractable (the browser can sign with it, nobody can
 * read it out — a copied profile or database without the key store is useless). Kept apart from
 * identity.ts so the browser tests' fixture can write the same record without loading idb.
 */
export const IDENTITY_DATABASE = 'emitra-kiosk-identity';
export const IDENTITY_DATABASE_VERSION = 1;
export const IDENTITY_STORE = 'identity';
export const IDENTITY_KEY = 'this-kiosk';

export interface KioskIdentity {
	kioskCode: string;
	district: string;
	place: string;
	privateKey: CryptoKey;
	publicKey: CryptoKey;
	enrolledAt: string;
}
