/**
 * Tagged, time-sortable ids (`bko_01J…`): a short per-table prefix plus a monotonic ULID.
 * Minted by the application (browsers mint them offline), never by the database, so a row
 * created on a device keeps its id from the first optimistic write to the server commit.
 */
import { monotonicFactory } from 'ulidx';

const ulid = monotonicFactory();

/** Table name → id prefix. One prefix per table; `ids.test.ts` checks they are unique. */
export const ID_PREFIXES = {
  // core: identity, tenancy
  bizes: 'biz',
  users: 'usr',
  sessions: 'ses',
  accounts: 'acc',
  verifications: 'ver',
  members: 'mem',
  invitations: 'inv',
  locations: 'loc',
  devices: 'dev',
  org_memberships: 'orm',
  org_membership_locations: 'oml',
  group_accounts: 'gac',
  group_account_members: 'gam',
  subjects: 'sbj',
  subject_location_bindings: 'slb',
  client_mutations: 'cmu',
  // assets
  asset_categories: 'acat',
  asset_status_definitions: 'asd',
  assets: 'ast',
  asset_tag_templates: 'att',
  asset_tag_assignments: 'ata',
  asset_status_definition_tag_scopes: 'asts',
  // venues
  venue_categories: 'vcat',
  venue_status_definitions: 'vsd',
  venues: 'ven',
  venue_tag_templates: 'vtt',
  venue_tag_assignments: 'vta',
  venue_amenity_templates: 'vamt',
  venue_amenity_assignments: 'vama',
  // resources
  resource_status_definitions: 'rsd',
  resources: 'res',
  host_users: 'hus',
  host_groups: 'hgr',
  host_group_members: 'hgm',
  resource_service_capabilities: 'rsc',
  // services, service products, products
  service_groups: 'sgr',
  services: 'svc',
  service_products: 'spr',
  service_product_requirement_groups: 'sprg',
  service_product_services: 'sps',
  service_product_requirement_selectors: 'sprs',
  service_product_seat_types: 'spst',
  service_product_seat_type_requirements: 'spsr',
  products: 'prd',
  // stripe mirrors
  stripe_accounts: 'sac',
  stripe_customers: 'scu',
  stripe_payment_methods: 'spm',
  stripe_setup_intents: 'ssi',
  stripe_checkout_sessions: 'scs',
  stripe_invoices: 'sin',
  stripe_webhook_events: 'swe',
  stripe_payouts: 'spo',
  stripe_transfers: 'str',
  // offers
  offers: 'ofr',
  offer_versions: 'ofv',
  offer_components: 'ofc',
  offer_component_selectors: 'ocs',
  offer_component_seat_types: 'ost',
  // supply
  resource_capability_templates: 'rct',
  resource_capability_assignments: 'rca',
  resource_usage_counters: 'ruc',
  resource_maintenance_policies: 'rmp',
  resource_maintenance_work_orders: 'rwo',
  resource_condition_reports: 'rcr',
  // time & availability
  calendars: 'cal',
  calendar_bindings: 'cbd',
  calendar_overlays: 'cov',
  availability_rules: 'avr',
  capacity_pools: 'cpl',
  capacity_pool_members: 'cpm',
  availability_resolution_runs: 'arr',
  // fulfillment
  booking_orders: 'bko',
  booking_order_lines: 'bol',
  fulfillment_units: 'fun',
  fulfillment_dependencies: 'fdp',
  fulfillment_assignments: 'fas',
  fulfillment_checkpoints: 'fck',
  booking_holds: 'bkh',
  check_in_codes: 'cic',
  fulfillment_photos: 'fph',
  // payments
  payment_methods: 'pmt',
  payment_intents: 'pin',
  payment_intent_tenders: 'ptd',
  payment_transactions: 'ptx',
  payment_disputes: 'pdi',
  settlement_batches: 'stb',
  settlement_entries: 'ste',
  payouts: 'pou',
  payout_ledger_entries: 'ple',
  // entitlements
  membership_plans: 'mpl',
  memberships: 'msh',
  entitlement_wallets: 'ewl',
  entitlement_grants: 'egr',
  entitlement_transfers: 'etr',
  entitlement_ledger_entries: 'ele',
  rollover_runs: 'rlr',
  // channels
  channel_accounts: 'cha',
  channel_sync_states: 'chs',
  channel_entity_links: 'chl',
  channel_sync_jobs: 'chj',
  channel_sync_items: 'chi',
  channel_webhook_events: 'chw',
  // intelligence
  ranking_profiles: 'rkp',
  ranking_scores: 'rks',
  ranking_events: 'rke',
  overtime_policies: 'otp',
  overtime_forecasts: 'otf',
  substitution_pools: 'sbp',
  substitution_pool_members: 'sbm',
  substitution_requests: 'sbr',
  substitution_offers: 'sbo',
  substitution_fairness_counters: 'sbf',
  // education
  programs: 'prg',
  program_cohorts: 'coh',
  program_cohort_sessions: 'chss',
  cohort_enrollments: 'cen',
  session_attendance_records: 'att',
  certification_templates: 'ctp',
  certification_awards: 'caw',
  // audit
  audit_streams: 'aus',
  audit_events: 'aev',
  audit_integrity_runs: 'air',
  // notes
  notes: 'not',
  note_revisions: 'nrv',
  note_access_overrides: 'nao',
  // queue
  queues: 'que',
  queue_entries: 'qen',
  queue_tickets: 'qtk',
  queue_events: 'qev',
  service_time_observations: 'sto',
  wait_time_predictions: 'wtp',
  // transportation
  fleet_vehicles: 'flv',
  transport_routes: 'trr',
  transport_route_stops: 'trs',
  transport_trips: 'trp',
  trip_stop_inventory: 'tsi',
  trip_manifests: 'tmf',
  dispatch_tasks: 'dsp',
  eta_events: 'eta',
  // marketplace
  marketplace_listings: 'mkl',
  auctions: 'auc',
  bids: 'bid',
  cross_biz_contracts: 'cbc',
  cross_biz_orders: 'cbo',
  revenue_share_rules: 'rsr',
  referral_programs: 'rfp',
  referral_events: 'rfe',
  reward_grants: 'rwg',
  // governance
  tenant_compliance_profiles: 'tcp',
  data_residency_policies: 'drp',
  retention_policies: 'rtp',
  legal_holds: 'lgh',
  privacy_identity_modes: 'pim',
  data_subject_requests: 'dsr',
  redaction_jobs: 'rdj',
  // workflows
  review_queues: 'rvq',
  review_queue_items: 'rqi',
  workflow_instances: 'wfi',
  workflow_steps: 'wfs',
  workflow_decisions: 'wfd',
  async_deliverables: 'asy',
} as const;

export type IdTable = keyof typeof ID_PREFIXES;

const ULID_BODY = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A new id for a row of `table`, e.g. `newId('booking_orders')` → `bko_01J…`. */
export function newId(table: IdTable): string {
  return `${ID_PREFIXES[table]}_${ulid()}`;
}

/** True when `value` is a well-formed id of `table` (prefix and ULID body). */
export function isIdOf(table: IdTable, value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const prefix = `${ID_PREFIXES[table]}_`;
  return value.startsWith(prefix) && ULID_BODY.test(value.slice(prefix.length));
}

/** The time a ULID-based id was minted (ms since epoch), or null for malformed ids. */
export function idTime(value: string): number | null {
  const body = value.slice(value.indexOf('_') + 1);
  if (!ULID_BODY.test(body)) return null;
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let ms = 0;
  for (const ch of body.slice(0, 10)) ms = ms * 32 + alphabet.indexOf(ch);
  return ms;
}
