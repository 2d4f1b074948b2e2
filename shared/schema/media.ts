/**
 * Photos taken on a job (before/after, the part that failed, the signed sheet). Taken on the
 * technician's device, kept there until a connection is available, then uploaded once (the id is
 * minted on the device, so a retried upload is a no-op).
 */
import { sql } from 'drizzle-orm';
import { customType, integer, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, bizIdCol, bizIdUnique, checkNamed, idPk, idx, sameBiz, ts } from './_common';
import { fulfillmentUnits } from './fulfillment';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** A photo of a fulfillment unit (job), stored with its checksum and the device time it was taken. */
export const fulfillmentPhotos = pgTable(
  'fulfillment_photos',
  {
    id: idPk('fulfillment_photos'),
    bizId: bizIdCol(),
    fulfillmentUnitId: text('fulfillment_unit_id').notNull(),
    contentType: varchar('content_type', { length: 100 }).notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    data: bytea('data').notNull(),
    caption: varchar('caption', { length: 500 }),
    takenAt: ts('taken_at').notNull(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('fulfillment_photos', t),
    sameBiz('fulfillment_photos', t, t.fulfillmentUnitId, fulfillmentUnits, { onDelete: 'cascade' }),
    checkNamed('fulfillment_photos', 'size', sql`${t.byteSize} > 0 AND ${t.byteSize} <= 10485760`),
    checkNamed('fulfillment_photos', 'image', sql`${t.contentType} LIKE 'image/%'`),
    idx('fulfillment_photos', 'unit').on(t.bizId, t.fulfillmentUnitId),
  ],
);
