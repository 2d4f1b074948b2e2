/** Every named mutator, by name: the client outbox and the server commit endpoint share this table. */
import { cancelBooking, checkInBooking, createBooking, markNoShow, takeOverSlot } from './bookings';
import { resolveConflict } from './conflicts';
import { addNote, recordCheckpoint } from './jobs';
import { recordTender } from './payments';
import type { Mutator } from './types';

export const MUTATORS: ReadonlyMap<string, Mutator> = new Map(
  [
    createBooking,
    cancelBooking,
    checkInBooking,
    markNoShow,
    takeOverSlot,
    recordCheckpoint,
    addNote,
    recordTender,
    resolveConflict,
  ].map((m) => [m.name, m as Mutator]),
);

export type { Mutator, MutatorActor, MutatorContext, SqlTx } from './types';
