// CPU time from /proc (Linux): how much of the machine the hub, its database and the load
// generator used during a run, and how much went to everything else. Undefined elsewhere.
import { readFileSync } from 'node:fs';

// Linux reports times in ticks of 1/100 s (USER_HZ) on every common architecture.
const TICKS_PER_SECOND = 100;

/** @param {string} file */
function read(file) {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

/**
 * The CPU time (user + system) a process has used so far; undefined once it has gone.
 * @param {number | undefined} pid
 */
export function processCpuSeconds(pid) {
	const stat = pid === undefined ? undefined : read(`/proc/${pid}/stat`);
	if (stat === undefined) return undefined;
	// Fields after the command name, which is in parentheses: state is field 3, utime 14, stime 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The CPU time all processes on the machine have used so far (every CPU, neither idle nor waiting). */
export function machineCpuSeconds() {
	const line = read('/proc/stat')?.split('\n', 1)[0];
	if (!line?.startsWith('cpu ')) return undefined;
	// user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
	const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.split(/\s+/).slice(1).map(Number);
	return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}
