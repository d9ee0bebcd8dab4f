import { RD_SERVICE_PORTS } from '../fingerprint/fingerprint-scanner';

/** How the simulated RD Service ends its next capture (see scripts/rd-service-simulator.js). */
export const CAPTURE_OUTCOMES = ['pass', 'poor-quality', 'timeout', 'not-ready', 'device-error'] as const;
export type CaptureOutcome = (typeof CAPTURE_OUTCOMES)[number];

export interface RdSimulatorState {
	port: number;
	serviceStatus: string;
	nextCapture: CaptureOutcome;
	captures: number;
}

/** Finds the simulated RD Service among the loopback ports the kiosk searches. */
export async function findRdSimulator(fetchImpl: typeof fetch = fetch): Promise<RdSimulatorState | null> {
	const answers = await Promise.all(
		RD_SERVICE_PORTS.map(async (port) => {
			try {
				const response = await fetchImpl(`http://127.0.0.1:${port}/simulator/state`, {
					signal: AbortSignal.timeout(1_500)
				});
				return response.ok ? ((await response.json()) as RdSimulatorState) : null;
			} catch {
				return null;
			}
		})
	);
	return answers.find((answer) => answer !== null) ?? null;
}

export async function setNextCapture(port: number, outcome: CaptureOutcome, fetchImpl: typeof fetch = fetch) {
	const response = await fetchImpl(`http://127.0.0.1:${port}/simulator/next-capture`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ outcome })
	});
	if (!response.ok) throw new Error(`The RD Service simulator refused: ${response.status}`);
}
