import { redirect } from '@sveltejs/kit';

/** Operators in Rajasthan read Hindi first; the console switches language like the kiosk. */
export const load = () => redirect(307, '/operator/hi');
