/**
 * Assets: owned physical things (vans, ladders, diagnostic kits) and the small per-biz dictionaries
 * that classify them (categories, status definitions, tags). Scheduling state (capacity, buffers,
 * bookability) lives on the wrapping `resources(type=asset)` row, not here.
 */
import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { auditColumns, bizIdCol, bizIdUnique, checkNamed, idPk, idx, metadataCol, pgName, sameBiz } from '../_common';
import { locations } from './tenancy';

/** Per-biz asset categories (vehicle, ladder, diagnostic kit); one optional category per asset. */
export const assetCategories = pgTable(
  'asset_categories',
  {
    id: idPk('asset_categories'),
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
    bizIdUnique('asset_categories', t),
    uniqueIndex(pgName('asset_categories_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('asset_categories', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

/** Per-biz asset condition vocabulary (in service, in repair, retired); `is_usable = false` keeps it off jobs. */
export const assetStatusDefinitions = pgTable(
  'asset_status_definitions',
  {
    id: idPk('asset_status_definitions'),
    bizId: bizIdCol(),
    name: varchar('name', { length: 100 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    description: varchar('description', { length: 600 }),
    /** false ⇒ an asset in this status cannot be assigned (in repair, lost, retired). */
    isUsable: boolean('is_usable').notNull().default(true),
    /** At most one status per biz is the default for new assets. */
    isDefault: boolean('is_default').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(100),
    isActive: boolean('is_active').notNull().default(true),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('asset_status_definitions', t),
    uniqueIndex(pgName('asset_status_definitions_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('asset_status_definitions_one_default_uq'))
      .on(t.bizId)
      .where(sql`${t.isDefault} AND ${t.deletedAt} IS NULL`),
    checkNamed('asset_status_definitions', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

/** Per-biz tags that can be put on assets (refrigerated, needs CDL, loaner). */
export const assetTagTemplates = pgTable(
  'asset_tag_templates',
  {
    id: idPk('asset_tag_templates'),
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
    bizIdUnique('asset_tag_templates', t),
    uniqueIndex(pgName('asset_tag_templates_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    checkNamed('asset_tag_templates', 'slug_nonempty', sql`length(${t.slug}) > 0`),
  ],
);

/** An owned physical thing, optionally kept at one location, with a category and a current status. */
export const assets = pgTable(
  'assets',
  {
    id: idPk('assets'),
    bizId: bizIdCol(),
    locationId: text('location_id'),
    categoryId: text('category_id'),
    statusDefinitionId: text('status_definition_id'),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    description: text('description'),
    serialNumber: varchar('serial_number', { length: 120 }),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('assets', t),
    uniqueIndex(pgName('assets_slug_uq')).on(t.bizId, t.slug).where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex(pgName('assets_serial_uq'))
      .on(t.bizId, t.serialNumber)
      .where(sql`${t.serialNumber} IS NOT NULL AND ${t.deletedAt} IS NULL`),
    sameBiz('assets', t, t.locationId, locations),
    sameBiz('assets', t, t.categoryId, assetCategories),
    sameBiz('assets', t, t.statusDefinitionId, assetStatusDefinitions),
    checkNamed('assets', 'slug_nonempty', sql`length(${t.slug}) > 0`),
    idx('assets', 'location').on(t.bizId, t.locationId),
    idx('assets', 'category').on(t.bizId, t.categoryId),
    idx('assets', 'status').on(t.bizId, t.statusDefinitionId),
  ],
);

/** A tag put on an asset (once per asset and tag). */
export const assetTagAssignments = pgTable(
  'asset_tag_assignments',
  {
    id: idPk('asset_tag_assignments'),
    bizId: bizIdCol(),
    assetId: text('asset_id').notNull(),
    tagTemplateId: text('tag_template_id').notNull(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('asset_tag_assignments', t),
    uniqueIndex(pgName('asset_tag_assignments_pair_uq'))
      .on(t.assetId, t.tagTemplateId)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('asset_tag_assignments', t, t.assetId, assets, { onDelete: 'cascade' }),
    sameBiz('asset_tag_assignments', t, t.tagTemplateId, assetTagTemplates, { onDelete: 'cascade' }),
    idx('asset_tag_assignments', 'tag').on(t.bizId, t.tagTemplateId),
  ],
);

/** Restricts an asset status to assets carrying a tag (e.g. "awaiting inspection" only for tagged vehicles). */
export const assetStatusDefinitionTagScopes = pgTable(
  'asset_status_definition_tag_scopes',
  {
    id: idPk('asset_status_definition_tag_scopes'),
    bizId: bizIdCol(),
    statusDefinitionId: text('status_definition_id').notNull(),
    tagTemplateId: text('tag_template_id').notNull(),
    metadata: metadataCol(),
    ...auditColumns(),
  },
  (t) => [
    bizIdUnique('asset_status_definition_tag_scopes', t),
    uniqueIndex(pgName('asset_status_definition_tag_scopes_pair_uq'))
      .on(t.statusDefinitionId, t.tagTemplateId)
      .where(sql`${t.deletedAt} IS NULL`),
    sameBiz('asset_status_definition_tag_scopes', t, t.statusDefinitionId, assetStatusDefinitions, {
      onDelete: 'cascade',
    }),
    sameBiz('asset_status_definition_tag_scopes', t, t.tagTemplateId, assetTagTemplates, { onDelete: 'cascade' }),
    idx('asset_status_definition_tag_scopes', 'tag').on(t.bizId, t.tagTemplateId),
  ],
);
