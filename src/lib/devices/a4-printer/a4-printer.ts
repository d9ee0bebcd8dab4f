/**
 * The A4 printer (Canon) is reached through Chrome's own printing: the page's print view goes to
 * the default printer. On the kiosk Chrome runs with --kiosk-printing, so no dialog appears.
 * `window.print()` returns once Chrome has taken the job; whether paper came out is known only
 * to the operator, which is why paid prints can be reprinted.
 */
export function printA4(target: Pick<Window, 'print'> = window): void {
	target.print();
}
