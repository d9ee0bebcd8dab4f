/** SSP's CRC-16: polynomial 0x8005, seed 0xFFFF, not reflected, over SEQ/ADDR, LEN and DATA. */
export function crc16Ssp(bytes: ArrayLike<number>): number {
	let crc = 0xffff;
	for (let index = 0; index < bytes.length; index++) {
		crc ^= bytes[index]! << 8;
		for (let bit = 0; bit < 8; bit++) {
			crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
		}
	}
	return crc;
}
