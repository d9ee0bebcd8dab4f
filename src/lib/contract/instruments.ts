/** How card and Aadhaar numbers are shown and stored: never in full. */

/** The first six and last four digits, the rest `X` (PCI DSS): `411111XXXXXX1111`. */
export function maskCardNumber(cardNumber: string): string {
	return `${cardNumber.slice(0, 6)}${'X'.repeat(Math.max(2, cardNumber.length - 10))}${cardNumber.slice(-4)}`;
}

/** UIDAI's masked form, the last four digits only: `XXXX XXXX 1234`. */
export function maskAadhaar(aadhaarNumber: string): string {
	return `XXXX XXXX ${aadhaarNumber.slice(-4)}`;
}
