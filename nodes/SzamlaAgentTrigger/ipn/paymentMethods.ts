/**
 * Payment methods in English, with the names the other Számla Agent operations show in their pick lists ("Bank
 * Transfer (Átutalás)" → "Bank Transfer"). The service writes `fizmod` as free text: Hungarian words with or without
 * accents, abbreviations (`kp`), or the English codes of its query XML (`transfer`, `credit_card`).
 */

const BY_KEY: Record<string, string> = {
	atutalas: 'Bank Transfer',
	'banki atutalas': 'Bank Transfer',
	transfer: 'Bank Transfer',
	'bank transfer': 'Bank Transfer',
	keszpenz: 'Cash',
	kp: 'Cash',
	cash: 'Cash',
	bankkartya: 'Card',
	kartya: 'Card',
	'credit card': 'Card',
	card: 'Card',
	utanvet: 'Cash on Delivery',
	'cash on delivery': 'Cash on Delivery',
	csekk: 'Cheque',
	cheque: 'Cheque',
	paypal: 'PayPal',
	barion: 'Barion',
	'otp simple': 'OTP Simple',
	simplepay: 'OTP Simple',
	'szep kartya': 'SZÉP Card',
	'szep card': 'SZÉP Card',
	utalvany: 'Voucher',
	voucher: 'Voucher',
	kompenzacio: 'Offset',
	offset: 'Offset',
};

/** Every English name this table gives (tests check them against the operations' pick list). */
export const ENGLISH_PAYMENT_METHODS: readonly string[] = [...new Set(Object.values(BY_KEY))];

function key(method: string): string {
	return method
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[_\s]+/g, ' ')
		.trim();
}

/** The English name, or the service's own text when it is not a known method (nothing is lost). */
export function englishPaymentMethod(method: string | undefined): string | undefined {
	const trimmed = method?.trim();
	if (!trimmed) return undefined;
	return BY_KEY[key(trimmed)] ?? trimmed;
}
