import { formatDate, formatRupees, type Locale } from '$lib/contract';

/** What a bill payment's SMS says, in the citizen's language. Plain text, one SMS long. */
export interface PaymentSmsFacts {
	transactionId: string;
	billerName: string;
	identifier: string;
	billPaise: number;
	creditedPaise: number;
}

export function postedSms(facts: PaymentSmsFacts, language: Locale): string {
	const bill = formatRupees(facts.billPaise, language);
	const credit = formatRupees(facts.creditedPaise, language);
	if (language === 'hi') {
		const creditLine = facts.creditedPaise > 0 ? ` ${credit} आपके अगले बिल में जमा।` : '';
		return (
			`ई-मित्र+: ${facts.billerName} (${facts.identifier}) के ${bill} बिल का भुगतान हो गया। ` +
			`ट्रांजेक्शन आईडी ${facts.transactionId}।${creditLine}`
		);
	}
	const creditLine = facts.creditedPaise > 0 ? ` ${credit} credited to your next bill.` : '';
	return `e-Mitra+: ${bill} paid to ${facts.billerName} (${facts.identifier}). ` + `Transaction ID ${facts.transactionId}.${creditLine}`;
}

/** `expectedBy` is a date, `YYYY-MM-DD`. */
export function reversedSms(facts: PaymentSmsFacts & { reversedPaise: number; expectedBy: string }, language: Locale): string {
	const amount = formatRupees(facts.reversedPaise, language);
	const expectedBy = formatDate(facts.expectedBy, language);
	if (language === 'hi') {
		return (
			`ई-मित्र+: ${facts.billerName} (${facts.identifier}) का बिल जमा नहीं हो सका। ${amount} ` +
			`${expectedBy} तक आपके खाते में अपने-आप लौट आएंगे। ट्रांजेक्शन आईडी ${facts.transactionId}।`
		);
	}
	return (
		`e-Mitra+: your ${facts.billerName} (${facts.identifier}) bill could not be paid. ${amount} ` +
		`returns to your account automatically by ${expectedBy}. Transaction ID ${facts.transactionId}.`
	);
}
