/**
 * Every table of the schema, by name: the one list the client DDL, the shape service and the
 * integrity checks iterate over. A module added under shared/schema must be listed here
 * (`registry.test.ts` compares this list with the files on disk).
 */
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as audit from './audit';
import * as channels from './channels';
import * as assets from './core/assets';
import * as auth from './core/auth';
import * as orgScope from './core/org_scope';
import * as products from './core/products';
import * as resources from './core/resources';
import * as serviceProducts from './core/service_products';
import * as services from './core/services';
import * as subjects from './core/subjects';
import * as tenancy from './core/tenancy';
import * as venues from './core/venues';
import * as education from './education';
import * as entitlements from './entitlements';
import * as fulfillment from './fulfillment';
import * as governance from './governance';
import * as intelligence from './intelligence';
import * as marketplace from './marketplace';
import * as media from './media';
import * as notes from './notes';
import * as offers from './offers';
import * as payments from './payments';
import * as queue from './queue';
import * as stripe from './stripe';
import * as supply from './supply';
import * as sync from './sync';
import * as timeAvailability from './time_availability';
import * as transportation from './transportation';
import * as workflows from './workflows';

/** Module path (relative to shared/schema, no extension) → its exports. */
export const SCHEMA_MODULES: Record<string, Record<string, unknown>> = {
  'core/tenancy': tenancy,
  'core/auth': auth,
  'core/org_scope': orgScope,
  'core/assets': assets,
  'core/venues': venues,
  'core/resources': resources,
  'core/services': services,
  'core/service_products': serviceProducts,
  'core/products': products,
  'core/subjects': subjects,
  sync,
  stripe,
  offers,
  supply,
  time_availability: timeAvailability,
  fulfillment,
  payments,
  entitlements,
  queue,
  audit,
  notes,
  channels,
  intelligence,
  education,
  transportation,
  marketplace,
  media,
  governance,
  workflows,
};

export interface TableEntry {
  name: string;
  module: string;
  table: PgTable;
}

export const TABLES: readonly TableEntry[] = Object.entries(SCHEMA_MODULES).flatMap(([module, exports]) =>
  Object.values(exports)
    .filter((v): v is PgTable => is(v, PgTable))
    .map((table) => ({ name: getTableConfig(table).name, module, table })),
);

export const TABLES_BY_NAME: ReadonlyMap<string, PgTable> = new Map(TABLES.map((t) => [t.name, t.table]));

export function tableByName(name: string): PgTable | undefined {
  return TABLES_BY_NAME.get(name);
}
