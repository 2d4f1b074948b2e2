/** Every named mutator, by name: the client outbox and the server commit endpoint share this table. */
import { cancelBooking, checkInBooking, createBooking, markNoShow, rescheduleBooking, takeOverSlot } from './bookings';
import { checkInByCode } from './checkin';
import { resolveConflict } from './conflicts';
import { grantEntitlement, redeemEntitlement, refundEntitlement, sellPlan, transferEntitlement } from './entitlements';
import { convertHold, placeHold, releaseHold } from './holds';
import { addNote, addPart, clockJob, recordCheckpoint } from './jobs';
import { recordTender } from './payments';
import { callNext, callTicket, completeTicket, issueTicket, leaveQueue, predictQueueWait, startServing } from './queue';
import type { Mutator } from './types';

export const MUTATORS: ReadonlyMap<string, Mutator> = new Map(
  [
    createBooking,
    cancelBooking,
    checkInBooking,
    markNoShow,
    takeOverSlot,
    recordCheckpoint,
    addPart,
    clockJob,
    addNote,
    recordTender,
    resolveConflict,
    rescheduleBooking,
    placeHold,
    releaseHold,
    convertHold,
    checkInByCode,
    grantEntitlement,
    redeemEntitlement,
    refundEntitlement,
    transferEntitlement,
    sellPlan,
    issueTicket,
    callTicket,
    callNext,
    startServing,
    completeTicket,
    leaveQueue,
    predictQueueWait,
  ].map((m) => [m.name, m as Mutator]),
);

export type { Mutator, MutatorActor, MutatorContext, SqlTx } from './types';
