// The demo machines the browser tests run as, enrolled the way an installer enrols one: the demo
// enrolment code and a public key, through the hub's enrolment API (tests/support.ts puts the
// matching private key into each test browser). Used for the shared e2e hub and for the hubs some
// specs start of their own. TEST ONLY: a real kiosk makes its own key.
import { readFileSync } from 'node:fs';

/**
 * Waits for the hub at `hubUrl` to answer, then enrols every test kiosk on it.
 * @param {string} hubUrl
 * @returns {Promise<string[]>} the kiosk codes enrolled
 */
export async function enrolTestKiosks(hubUrl) {
	const testKiosks = JSON.parse(readFileSync(new URL('../tests/fixtures/test-kiosks.json', import.meta.url), 'utf8'));
	for (
		let tries = 0;
		!(await fetch(`${hubUrl}/api/v1/health`).then(
			(answer) => answer.ok,
			() => false
		));
		tries++
	) {
		if (tries > 300) throw new Error(`the hub at ${hubUrl} did not start`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	for (const [kioskCode, { enrolmentCode }] of Object.entries(testKiosks.kiosks)) {
		const answer = await fetch(`${hubUrl}/api/v1/kiosk/enrol`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ enrolmentCode, publicKey: testKiosks.publicKeyJwk })
		});
		if (answer.status !== 201) throw new Error(`could not enrol ${kioskCode}: ${answer.status} ${await answer.text()}`);
	}
	return Object.keys(testKiosks.kiosks);
}
