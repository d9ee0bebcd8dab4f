/** CRC-16/KERMIT: polynomial 0x1021 reflected (0x8408), initial value 0, as ID003 uses it. */
export function crc16Kermit(bytes: ArrayLike<number>): number {
	let crc = 0;
	for (let index = 0; index < bytes.length; index++) {
		crc ^= bytes[index]!;
		for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
	}
	return crc;
}
