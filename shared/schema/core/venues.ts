/**
 * Venues: bookable spaces (rooms, bays, courts) and the small per-biz dictionaries that classify
 * them (categories, status definitions, tags, amenities). Scheduling state (capacity, buffers,
 * bookability) lives on the wrapping `resources(type=venue)` row, not here.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, bizIdCol, bizIdUnique, checkNamed, idPk, idx, metadataCol, pgName, sameBiz } from '../_common';
import { locations } from './tenancy';

/** Per-biz venue categories (studio, treatment room, service bay); one optional category per venue. */
export const venueCategories = pgTable(
  'venue_categories',
  {
    id: idPk('venue_categories'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 160 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    description: varchar('description', { length: 600 }),
    sortOrder: integer('sort_order').notNull().default(100),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('venue_categories', t),
    uniqueIndex(pgName('venue_categories_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('venue_categories', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

/** Per-biz venue state vocabulary (open, cleaning, under renovation); `is_usable = false` closes the space. */
export const venueStatusDefinitions = pgTable(
  'venue_status_definitions',
  {
    id: idPk('venue_status_definitions'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 100 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    description: varchar('description', { length: 600 }),
    /** false ⇒ a venue in this status cannot host anything (renovation, flooded). */
    isUsable: boolean('is_usable').notNull().default(true),
    /** At most one status per biz is the default for new venues. */
    isDefault: boolean('is_default').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(100),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('venue_status_definitions', t),
    uniqueIndex(pgName('venue_status_definitions_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('venue_status_definitions_one_default_uq'))
      .on(t.bizId)
      .where(sql`${t.isDefault} AND ${t.deletedAt} IS NULL`),
    checkNamed('venue_status_definitions', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

/** Per-biz tags for venues (quiet, street-facing, wheelchair route). */
export const venueTagTemplates = pgTable(
  'venue_tag_templates',
  {
    id: idPk('venue_tag_templates'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 120 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    description: varchar('description', { length: 600 }),
    /** Display colour, e.g. `#1e88e5`. */
    color: varchar('color', { length: 20 }),
    sortOrder: integer('sort_order').notNull().default(100),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('venue_tag_templates', t),
    uniqueIndex(pgName('venue_tag_templates_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('venue_tag_templates', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

/** Per-biz amenities a venue can offer (mirrors, sound system, shower, lift). */
export const venueAmenityTemplates = pgTable(
  'venue_amenity_templates',
  {
    id: idPk('venue_amenity_templates'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 120 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull(),
    description: varchar('description', { length: 600 }),
    /** Icon key for the UI (e.g. `shower`). */
    icon: varchar('icon', { length: 60 }),
    sortOrder: integer('sort_order').notNull().default(100),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('venue_amenity_templates', t),
    uniqueIndex(pgName('venue_amenity_templates_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('venue_amenity_templates', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

/** A space, with setup and teardown time around each use. */
export const venues = pgTable(
  'venues',
  {
    id: idPk('venues'),
    bizId: bizIdCol(),
    locationId: text('location_id'),
    categoryId: text('category_id'),
    statusDefinitionId: text('status_definition_id'),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    address: text('address'),
    setupMinutes: integer('setup_minutes').notNull().default(0),
    teardownMinutes: integer('teardown_minutes').notNull().default(0),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('venues', t),
    uniqueIndex(pgName('venues_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    sameBiz('venues', t, t.locationId, locations),
    sameBiz('venues', t, t.categoryId, venueCategories),
    sameBiz('venues', t, t.statusDefinitionId, venueStatusDefinitions),
    checkNamed('venues', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    checkNamed('venues', 'setup_teardown', sql`${t.setupMinutes} >= 0 AND ${t.teardownMinutes} >= 0`),
    idx('venues', 'location').on(t.bizId, t.locationId),
    idx('venues', 'category').on(t.bizId, t.categoryId),
    idx('venues', 'status').on(t.bizId, t.statusDefinitionId),
  ],
);

/** A tag put on a venue (once per venue and tag). */
export const venueTagAssignments = pgTable(
  'venue_tag_assignments',
  {
    id: idPk('venue_tag_assignments'),
    bizId: bizIdCol(),
    venueId: text('venue_id').notNull(),
    tagTemplateId: text('tag_template_id').notNull(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('venue_tag_assignments', t),
    uniqueIndex(pgName('venue_tag_assignments_pair_uq'))
      .on(t.venueId, t.tagTemplateId)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('venue_tag_assignments', t, t.venueId, venues, { onDelete: 'cascade' }),
    sameBiz('venue_tag_assignments', t, t.tagTemplateId, venueTagTemplates, { onDelete: 'cascade' }),
    idx('venue_tag_assignments', 'tag').on(t.bizId, t.tagTemplateId),
  ],
);

/** An amenity a venue offers, with an optional count (e.g. 4 showers). */
export const venueAmenityAssignments = pgTable(
  'venue_amenity_assignments',
  {
    id: idPk('venue_amenity_assignments'),
    bizId: bizIdCol(),
    venueId: text('venue_id').notNull(),
    amenityTemplateId: text('amenity_template_id').notNull(),
    quantity: integer('quantity'),
    notes: varchar('notes', { length: 600 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('venue_amenity_assignments', t),
    uniqueIndex(pgName('venue_amenity_assignments_pair_uq'))
      .on(t.venueId, t.amenityTemplateId)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('venue_amenity_assignments', t, t.venueId, venues, { onDelete: 'cascade' }),
    sameBiz('venue_amenity_assignments', t, t.amenityTemplateId, venueAmenityTemplates, { onDelete: 'cascade' }),
    checkNamed('venue_amenity_assignments', 'quantity_positive', sql`${t.quantity} IS NULL OR ${t.quantity} > 0`),
    idx('venue_amenity_assignments', 'amenity').on(t.bizId, t.amenityTemplateId),
  ],
);
