/** Products: the generic, non-time catalog (retail goods, class packs, fees) a front desk can sell. */
import { sql } from 'drizzle-orm';
import { integer, pgEnum, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  auditColumns,
  bizIdCol,
  bizIdUnique,
  checkNamed,
  currencyCheck,
  currencyCol,
  idPk,
  idx,
  metadataCol,
  pgName,
  sameBiz,
} from '../_common';
import { lifecycleStatus, locations } from './tenancy';

export const productType = pgEnum('product_type', [
  'physical',
  'digital',
  'service',
  'membership',
  'pass',
  'credit_pack',
  'fee',
  'other',
]);

/** A sellable catalog item (retail good, pass, fee) with a price and optional cost in minor units. */
export const products = pgTable(
  'products',
  {
    id: idPk('products'),
    bizId: bizIdCol(),
    locationId: text('location_id'),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    sku: varchar('sku', { length: 120 }),
    description: text('description'),
    basePriceMinor: integer('base_price_minor').notNull().default(0),
    costMinor: integer('cost_minor'),
    currency: currencyCol(),
    type: productType('type').notNull().default('digital'),
    status: lifecycleStatus('status').notNull().default('draft'),
    downloadUrl: varchar('download_url', { length: 500 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('products', t),
    uniqueIndex(pgName('products_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('products_sku_uq'))
      .on(t.bizId, t.sku)
      .where(sql`${t.sku} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    sameBiz('products', t, t.locationId, locations),
    checkNamed('products', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    idx('products', 'type_status').on(t.bizId, t.type, t.status),
    currencyCheck('products', t.currency),
    checkNamed(
      'products',
      'amounts',
      sql`${t.basePriceMinor} >= 0 AND (${t.costMinor} IS NULL OR ${t.costMinor} >= 0)`,
    ),
  ],
);
