import { formatDateTime, formatRupees } from '$lib/contract';
import { translator } from '$lib/i18n/translate';
import type { Receipt } from '../receipt-printer/receipt';

/**
 * The operator's test receipt: a bold title, a Hindi line (printed as an image), an English line
 * (printed as text), a right-aligned amount, a QR code and a cut — everything a real receipt uses.
 */
export function testReceipt(now: Date): Receipt {
	const hi = translator('hi');
	const en = translator('en');
	const time = now.toISOString();
	return {
		blocks: [
			{ kind: 'text', text: 'e-Mitra+', align: 'center', bold: true, size: 2 },
			{ kind: 'text', text: hi('receiptTest.title'), align: 'center', bold: true },
			{ kind: 'text', text: en('receiptTest.title'), align: 'center' },
			{ kind: 'divider' },
			{ kind: 'text', text: hi('receiptTest.line') },
			{ kind: 'text', text: en('receiptTest.line') },
			{ kind: 'row', label: hi('receiptTest.amount'), value: formatRupees(123_450, 'hi') },
			{ kind: 'row', label: en('receiptTest.amount'), value: formatRupees(123_450, 'en') },
			{ kind: 'row', label: en('receiptTest.time'), value: formatDateTime(time, 'en') },
			{ kind: 'divider' },
			{ kind: 'qr', payload: `e-Mitra+ printer test ${time}` },
			{ kind: 'cut' }
		]
	};
}
