export type {
	NoteAcceptor,
	NoteAcceptorDescription,
	NoteAcceptorEventName,
	NoteAcceptorEvents,
	NoteAcceptorListener,
	NoteAcceptorProtocol,
	NoteAcceptorState,
	NoteLocation,
	NoteRejectReason,
	NoteRejection
} from './types';
export { PAISE_PER_RUPEE } from './types';
export { DEFAULT_TIMINGS, type NoteAcceptorOptions, type NoteAcceptorTimings } from './polling-note-acceptor';
export { Id003NoteAcceptor, type Id003Options } from './id003/id003-note-acceptor';
export { SspNoteAcceptor, type SspOptions } from './ssp/ssp-note-acceptor';
export { Id003Simulator, type Id003SimulatorOptions } from './id003/id003-simulator';
export { SspSimulator, type SspSimulatorOptions } from './ssp/ssp-simulator';
export {
	NoteAcceptorSimulator,
	type NoteAcceptorSimulatorOptions,
	type NoteAcceptorSimulatorSnapshot
} from './simulator/note-acceptor-simulator';
export { INDIAN_RUPEE_NOTES, type MechanismTimings, type SimulatedNoteSet } from './simulator/note-mechanism';
