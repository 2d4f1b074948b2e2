CREATE TYPE "public"."audit_event_outcome" AS ENUM('applied', 'rejected', 'system');--> statement-breakpoint
CREATE TYPE "public"."audit_integrity_run_status" AS ENUM('running', 'valid', 'broken', 'failed');--> statement-breakpoint
CREATE TYPE "public"."channel_connection_status" AS ENUM('active', 'inactive', 'error', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."channel_object_type" AS ENUM('offer_version', 'availability', 'booking_order', 'customer', 'resource', 'class_session', 'custom');--> statement-breakpoint
CREATE TYPE "public"."channel_provider" AS ENUM('google_reserve', 'classpass', 'instagram', 'facebook', 'meta_messenger', 'custom');--> statement-breakpoint
CREATE TYPE "public"."channel_sync_direction" AS ENUM('inbound', 'outbound', 'bidirectional');--> statement-breakpoint
CREATE TYPE "public"."channel_sync_item_status" AS ENUM('pending', 'succeeded', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."channel_sync_job_status" AS ENUM('queued', 'running', 'succeeded', 'partial', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."channel_webhook_status" AS ENUM('received', 'processed', 'failed', 'ignored');--> statement-breakpoint
CREATE TYPE "public"."invitation_status" AS ENUM('pending', 'accepted', 'rejected', 'canceled');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'manager', 'front_desk', 'technician', 'customer');--> statement-breakpoint
CREATE TYPE "public"."shared_account_member_role" AS ENUM('primary', 'adult', 'minor', 'dependent', 'employee');--> statement-breakpoint
CREATE TYPE "public"."shared_account_type" AS ENUM('family', 'company', 'group');--> statement-breakpoint
CREATE TYPE "public"."product_type" AS ENUM('physical', 'digital', 'service', 'membership', 'pass', 'credit_pack', 'fee', 'other');--> statement-breakpoint
CREATE TYPE "public"."resource_type" AS ENUM('host', 'company_host', 'asset', 'venue');--> statement-breakpoint
CREATE TYPE "public"."duration_mode" AS ENUM('fixed', 'flexible', 'multi_day');--> statement-breakpoint
CREATE TYPE "public"."requirement_mode" AS ENUM('required', 'optional');--> statement-breakpoint
CREATE TYPE "public"."resource_selector_type" AS ENUM('any', 'resource', 'resource_type', 'capability_template', 'location', 'custom_subject');--> statement-breakpoint
CREATE TYPE "public"."selector_match_mode" AS ENUM('any', 'all');--> statement-breakpoint
CREATE TYPE "public"."service_product_kind" AS ENUM('booking', 'rental', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."service_type" AS ENUM('appointment', 'class', 'rental', 'multi_day', 'call');--> statement-breakpoint
CREATE TYPE "public"."service_visibility" AS ENUM('public', 'private', 'internal');--> statement-breakpoint
CREATE TYPE "public"."biz_type" AS ENUM('individual', 'small_business', 'enterprise');--> statement-breakpoint
CREATE TYPE "public"."lifecycle_status" AS ENUM('draft', 'active', 'inactive', 'archived');--> statement-breakpoint
CREATE TYPE "public"."location_type" AS ENUM('physical', 'virtual', 'mobile', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."org_membership_role" AS ENUM('owner', 'admin', 'manager', 'staff', 'host', 'customer');--> statement-breakpoint
CREATE TYPE "public"."certification_award_status" AS ENUM('awarded', 'revoked', 'expired');--> statement-breakpoint
CREATE TYPE "public"."cohort_enrollment_status" AS ENUM('enrolled', 'waitlisted', 'dropped', 'completed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."program_cohort_status" AS ENUM('planned', 'enrolling', 'in_progress', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."program_session_status" AS ENUM('planned', 'scheduled', 'in_progress', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."session_attendance_status" AS ENUM('present', 'late', 'absent', 'excused', 'no_show', 'makeup');--> statement-breakpoint
CREATE TYPE "public"."entitlement_grant_type" AS ENUM('pass', 'credit', 'time_allowance', 'seat_pack', 'gift_card', 'custom');--> statement-breakpoint
CREATE TYPE "public"."entitlement_ledger_entry_type" AS ENUM('grant', 'debit', 'refund', 'transfer_in', 'transfer_out', 'expiry', 'rollover', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."entitlement_transfer_status" AS ENUM('requested', 'approved', 'rejected', 'completed', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."entitlement_unit" AS ENUM('credit', 'minute', 'session', 'currency_minor');--> statement-breakpoint
CREATE TYPE "public"."membership_billing_interval_unit" AS ENUM('day', 'week', 'month', 'year', 'custom');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('trialing', 'active', 'paused', 'past_due', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."rollover_run_status" AS ENUM('pending', 'running', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."booking_hold_status" AS ENUM('active', 'converted', 'released', 'expired');--> statement-breakpoint
CREATE TYPE "public"."booking_order_line_type" AS ENUM('offer_base', 'seat', 'addon', 'fee', 'tip', 'tax', 'discount', 'refund_adjustment');--> statement-breakpoint
CREATE TYPE "public"."booking_order_payment_status" AS ENUM('unpaid', 'pending', 'partial', 'paid', 'refunded', 'disputed', 'voided');--> statement-breakpoint
CREATE TYPE "public"."booking_order_source" AS ENUM('web', 'mobile', 'admin', 'phone', 'api', 'import', 'marketplace', 'kiosk', 'walk_in');--> statement-breakpoint
CREATE TYPE "public"."booking_order_status" AS ENUM('draft', 'held', 'confirmed', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."check_in_code_status" AS ENUM('active', 'used', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."fulfillment_assignment_status" AS ENUM('proposed', 'reserved', 'confirmed', 'in_progress', 'completed', 'cancelled', 'released');--> statement-breakpoint
CREATE TYPE "public"."fulfillment_checkpoint_kind" AS ENUM('en_route', 'arrival', 'check_in', 'start', 'pause', 'resume', 'pickup', 'dropoff', 'completion', 'no_access', 'checklist_item', 'custom');--> statement-breakpoint
CREATE TYPE "public"."fulfillment_checkpoint_status" AS ENUM('pending', 'done', 'skipped', 'failed');--> statement-breakpoint
CREATE TYPE "public"."fulfillment_conflict_policy" AS ENUM('enforce_no_overlap', 'allow_overlap');--> statement-breakpoint
CREATE TYPE "public"."fulfillment_dependency_type" AS ENUM('must_follow', 'same_day', 'min_gap', 'max_gap', 'hard_block_if_missing');--> statement-breakpoint
CREATE TYPE "public"."fulfillment_unit_kind" AS ENUM('service_task', 'rental_segment', 'transport_leg', 'queue_service', 'async_review');--> statement-breakpoint
CREATE TYPE "public"."fulfillment_unit_status" AS ENUM('planned', 'scheduled', 'in_progress', 'completed', 'cancelled', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."compliance_regime" AS ENUM('hipaa', 'gdpr', 'ccpa', 'ferpa', 'pci_dss', 'soc2', 'custom');--> statement-breakpoint
CREATE TYPE "public"."data_residency_enforcement_mode" AS ENUM('hard_block', 'soft_warn', 'report_only');--> statement-breakpoint
CREATE TYPE "public"."data_residency_scope" AS ENUM('global', 'region', 'country', 'tenant_custom');--> statement-breakpoint
CREATE TYPE "public"."data_subject_request_status" AS ENUM('submitted', 'verifying', 'identity_verified', 'processing', 'fulfilled', 'denied', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."data_subject_request_type" AS ENUM('access', 'rectification', 'deletion', 'portability', 'restriction', 'objection');--> statement-breakpoint
CREATE TYPE "public"."data_subject_request_verification_method" AS ENUM('email_otp', 'document', 'manual', 'account_login');--> statement-breakpoint
CREATE TYPE "public"."legal_hold_scope" AS ENUM('tenant', 'offer', 'booking_order', 'payment', 'audit_log', 'custom');--> statement-breakpoint
CREATE TYPE "public"."legal_hold_status" AS ENUM('active', 'released', 'expired');--> statement-breakpoint
CREATE TYPE "public"."privacy_identity_mode" AS ENUM('full_identity', 'pseudonymous', 'anonymous', 'sealed');--> statement-breakpoint
CREATE TYPE "public"."privacy_sensitivity_level" AS ENUM('low', 'moderate', 'high', 'restricted');--> statement-breakpoint
CREATE TYPE "public"."redaction_job_status" AS ENUM('queued', 'running', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."redaction_target_type" AS ENUM('user', 'booking_order', 'fulfillment_unit', 'payment', 'note', 'attachment', 'custom');--> statement-breakpoint
CREATE TYPE "public"."retention_action" AS ENUM('delete', 'anonymize', 'archive');--> statement-breakpoint
CREATE TYPE "public"."retention_interval_unit" AS ENUM('days', 'months', 'years', 'indefinite');--> statement-breakpoint
CREATE TYPE "public"."overtime_forecast_status" AS ENUM('projected', 'confirmed', 'mitigated', 'ignored');--> statement-breakpoint
CREATE TYPE "public"."overtime_policy_scope" AS ENUM('biz', 'location', 'resource_type', 'resource');--> statement-breakpoint
CREATE TYPE "public"."overtime_policy_status" AS ENUM('active', 'inactive', 'archived');--> statement-breakpoint
CREATE TYPE "public"."ranking_event_type" AS ENUM('booking_completed', 'cancelled_by_host', 'cancelled_by_customer', 'no_show', 'rating_received', 'substitution_accepted', 'substitution_declined', 'manual_adjustment');--> statement-breakpoint
CREATE TYPE "public"."substitution_fairness_window_unit" AS ENUM('day', 'week', 'month');--> statement-breakpoint
CREATE TYPE "public"."substitution_offer_status" AS ENUM('pending', 'accepted', 'declined', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."substitution_offer_strategy" AS ENUM('broadcast', 'sequential');--> statement-breakpoint
CREATE TYPE "public"."substitution_reason" AS ENUM('sick', 'leave', 'no_show', 'conflict', 'other');--> statement-breakpoint
CREATE TYPE "public"."substitution_request_status" AS ENUM('open', 'offered', 'filled', 'expired', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."auction_status" AS ENUM('scheduled', 'live', 'closed', 'cancelled', 'settled');--> statement-breakpoint
CREATE TYPE "public"."auction_target_type" AS ENUM('marketplace_listing', 'custom_subject');--> statement-breakpoint
CREATE TYPE "public"."bid_status" AS ENUM('pending', 'winning', 'outbid', 'accepted', 'rejected', 'withdrawn', 'expired');--> statement-breakpoint
CREATE TYPE "public"."cross_biz_contract_status" AS ENUM('draft', 'active', 'suspended', 'terminated', 'expired');--> statement-breakpoint
CREATE TYPE "public"."cross_biz_order_status" AS ENUM('draft', 'pending', 'confirmed', 'fulfilled', 'settled', 'cancelled', 'disputed');--> statement-breakpoint
CREATE TYPE "public"."marketplace_listing_status" AS ENUM('draft', 'active', 'paused', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."marketplace_listing_type" AS ENUM('offer_version', 'resource', 'package');--> statement-breakpoint
CREATE TYPE "public"."referral_event_type" AS ENUM('referral_created', 'qualified_purchase', 'converted', 'reward_granted', 'expired', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."referral_reward_status" AS ENUM('pending', 'approved', 'granted', 'reversed', 'expired');--> statement-breakpoint
CREATE TYPE "public"."referral_reward_type" AS ENUM('credit', 'cash', 'voucher', 'points');--> statement-breakpoint
CREATE TYPE "public"."revenue_share_rule_type" AS ENUM('fixed_percent', 'fixed_amount', 'tiered');--> statement-breakpoint
CREATE TYPE "public"."note_source_type" AS ENUM('user', 'ai', 'system', 'integration');--> statement-breakpoint
CREATE TYPE "public"."note_status" AS ENUM('active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."note_subject_type" AS ENUM('booking_order', 'fulfillment_unit', 'resource', 'customer_user', 'offer', 'offer_version', 'queue_entry', 'trip', 'custom_subject');--> statement-breakpoint
CREATE TYPE "public"."note_visibility" AS ENUM('public', 'internal', 'private', 'ai', 'system');--> statement-breakpoint
CREATE TYPE "public"."offer_execution_mode" AS ENUM('slot', 'queue', 'request', 'auction', 'async', 'route_trip', 'open_access', 'itinerary');--> statement-breakpoint
CREATE TYPE "public"."offer_seat_pricing_mode" AS ENUM('included', 'surcharge', 'multiplier');--> statement-breakpoint
CREATE TYPE "public"."offer_status" AS ENUM('draft', 'active', 'inactive', 'archived');--> statement-breakpoint
CREATE TYPE "public"."offer_version_status" AS ENUM('draft', 'published', 'retired');--> statement-breakpoint
CREATE TYPE "public"."payment_dispute_status" AS ENUM('needs_response', 'under_review', 'won', 'lost', 'closed');--> statement-breakpoint
CREATE TYPE "public"."payment_intent_status" AS ENUM('requires_payment', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'cancelled', 'failed');--> statement-breakpoint
CREATE TYPE "public"."payment_method_type" AS ENUM('card', 'cash', 'bank_transfer', 'wallet', 'gift_card', 'external_channel_credit', 'custom');--> statement-breakpoint
CREATE TYPE "public"."payment_tender_status" AS ENUM('pending', 'authorized', 'captured', 'failed', 'cancelled', 'refunded', 'partially_refunded');--> statement-breakpoint
CREATE TYPE "public"."payment_tender_type" AS ENUM('card', 'cash', 'entitlement_credit', 'gift', 'pay_later', 'other');--> statement-breakpoint
CREATE TYPE "public"."payment_transaction_status" AS ENUM('succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."payment_transaction_type" AS ENUM('charge', 'capture', 'refund', 'dispute_hold', 'dispute_reversal', 'chargeback', 'adjustment', 'void');--> statement-breakpoint
CREATE TYPE "public"."payout_ledger_entry_type" AS ENUM('credit', 'debit', 'fee', 'adjustment', 'reversal');--> statement-breakpoint
CREATE TYPE "public"."payout_status" AS ENUM('pending', 'in_transit', 'paid', 'failed', 'cancelled', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."settlement_batch_status" AS ENUM('open', 'calculating', 'ready', 'paid', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."settlement_entry_type" AS ENUM('charge', 'refund', 'fee', 'dispute_hold', 'dispute_reversal', 'chargeback', 'adjustment');--> statement-breakpoint
CREATE TYPE "public"."queue_entry_status" AS ENUM('waiting', 'offered', 'claimed', 'expired', 'removed', 'served', 'cancelled', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."queue_event_type" AS ENUM('issued', 'called', 'recalled', 'skipped', 'transferred', 'started', 'completed', 'left', 'status_changed');--> statement-breakpoint
CREATE TYPE "public"."queue_status" AS ENUM('active', 'paused', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."queue_strategy" AS ENUM('fifo', 'priority', 'weighted', 'fair_share');--> statement-breakpoint
CREATE TYPE "public"."queue_ticket_status" AS ENUM('waiting', 'called', 'serving', 'done', 'left');--> statement-breakpoint
CREATE TYPE "public"."service_time_observation_source" AS ENUM('actual', 'manual_adjustment', 'imported');--> statement-breakpoint
CREATE TYPE "public"."stripe_webhook_event_status" AS ENUM('received', 'processed', 'failed', 'ignored');--> statement-breakpoint
CREATE TYPE "public"."resource_capability_scope" AS ENUM('host', 'company_host', 'asset', 'venue');--> statement-breakpoint
CREATE TYPE "public"."resource_condition_report_type" AS ENUM('pre_use', 'post_use', 'inspection', 'incident', 'return_check');--> statement-breakpoint
CREATE TYPE "public"."resource_maintenance_action_type" AS ENUM('create_work_order', 'block_resource', 'warn_only', 'notify_only');--> statement-breakpoint
CREATE TYPE "public"."resource_maintenance_trigger_type" AS ENUM('usage_hours', 'usage_count', 'elapsed_days', 'calendar_date', 'manual');--> statement-breakpoint
CREATE TYPE "public"."resource_maintenance_work_order_status" AS ENUM('open', 'scheduled', 'in_progress', 'completed', 'cancelled', 'deferred');--> statement-breakpoint
CREATE TYPE "public"."client_mutation_status" AS ENUM('applied', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."device_status" AS ENUM('active', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."availability_resolution_status" AS ENUM('available', 'unavailable', 'mixed', 'error');--> statement-breakpoint
CREATE TYPE "public"."availability_rule_action" AS ENUM('available', 'unavailable', 'override_hours', 'special_pricing', 'capacity_adjustment');--> statement-breakpoint
CREATE TYPE "public"."availability_rule_kind" AS ENUM('weekly_recurring', 'date_range', 'timestamp_range');--> statement-breakpoint
CREATE TYPE "public"."calendar_binding_owner_type" AS ENUM('resource', 'service', 'service_product', 'offer', 'offer_version', 'location', 'custom_subject');--> statement-breakpoint
CREATE TYPE "public"."calendar_conflict_mode" AS ENUM('priority_wins', 'unavailable_wins', 'available_wins', 'most_restrictive_wins');--> statement-breakpoint
CREATE TYPE "public"."calendar_default_mode" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."calendar_overlay_kind" AS ENUM('base', 'blackout', 'seasonal', 'maintenance', 'emergency', 'promo');--> statement-breakpoint
CREATE TYPE "public"."calendar_rule_evaluation_order" AS ENUM('priority_asc', 'priority_desc', 'specificity_then_priority');--> statement-breakpoint
CREATE TYPE "public"."calendar_status" AS ENUM('active', 'inactive');--> statement-breakpoint
CREATE TYPE "public"."capacity_pool_member_type" AS ENUM('resource', 'offer_version', 'location', 'custom_subject');--> statement-breakpoint
CREATE TYPE "public"."capacity_pool_status" AS ENUM('active', 'inactive', 'archived');--> statement-breakpoint
CREATE TYPE "public"."dispatch_task_status" AS ENUM('queued', 'assigned', 'accepted', 'en_route', 'in_progress', 'done', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."eta_event_type" AS ENUM('predicted', 'updated', 'arrived', 'departed', 'delay_alert');--> statement-breakpoint
CREATE TYPE "public"."fleet_vehicle_status" AS ENUM('active', 'maintenance', 'out_of_service', 'retired');--> statement-breakpoint
CREATE TYPE "public"."transport_route_status" AS ENUM('active', 'inactive', 'archived');--> statement-breakpoint
CREATE TYPE "public"."transport_route_stop_kind" AS ENUM('pickup', 'dropoff', 'waypoint', 'depot', 'break');--> statement-breakpoint
CREATE TYPE "public"."transport_trip_status" AS ENUM('planned', 'boarding', 'in_progress', 'delayed', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."trip_manifest_status" AS ENUM('booked', 'checked_in', 'boarded', 'no_show', 'cancelled', 'completed');--> statement-breakpoint
CREATE TYPE "public"."async_deliverable_status" AS ENUM('queued', 'processing', 'ready', 'delivered', 'expired', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."async_deliverable_type" AS ENUM('document', 'media_bundle', 'analysis_result', 'message_response', 'custom');--> statement-breakpoint
CREATE TYPE "public"."review_queue_item_status" AS ENUM('pending', 'claimed', 'approved', 'rejected', 'escalated', 'timed_out', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."review_queue_status" AS ENUM('active', 'paused', 'archived');--> statement-breakpoint
CREATE TYPE "public"."review_queue_type" AS ENUM('fraud', 'manual_approval', 'compliance', 'moderation', 'risk');--> statement-breakpoint
CREATE TYPE "public"."workflow_decision_outcome" AS ENUM('approve', 'reject', 'request_changes', 'escalate', 'defer');--> statement-breakpoint
CREATE TYPE "public"."workflow_instance_status" AS ENUM('pending', 'running', 'waiting_input', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."workflow_step_status" AS ENUM('pending', 'running', 'blocked', 'completed', 'failed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."workflow_trigger_type" AS ENUM('manual', 'policy', 'webhook', 'schedule', 'system_event');--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"stream_id" text NOT NULL,
	"sequence" bigint NOT NULL,
	"prev_hash" varchar(64),
	"event_hash" varchar(64) NOT NULL,
	"actor_user_id" text,
	"actor_role" varchar(40),
	"device_id" text,
	"mutation_name" varchar(120),
	"mutation_id" varchar(100),
	"outcome" "audit_event_outcome" NOT NULL,
	"offline" boolean DEFAULT false NOT NULL,
	"device_time" timestamp with time zone,
	"corrected_time" timestamp with time zone,
	"server_time" timestamp with time zone DEFAULT now() NOT NULL,
	"subject_table" varchar(80),
	"subject_id" text,
	"action" varchar(80),
	"before" jsonb,
	"after" jsonb,
	"error_code" varchar(80),
	"reason" varchar(500),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "audit_events_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "audit_events_stream_sequence_uq" UNIQUE("stream_id","sequence"),
	CONSTRAINT "audit_events_sequence_positive" CHECK ("audit_events"."sequence" >= 1),
	CONSTRAINT "audit_events_chain_start" CHECK (("audit_events"."sequence" = 1) = ("audit_events"."prev_hash" IS NULL)),
	CONSTRAINT "audit_events_event_hash_hex" CHECK ("audit_events"."event_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "audit_events_prev_hash_hex" CHECK ("audit_events"."prev_hash" IS NULL OR "audit_events"."prev_hash" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "audit_events_rejected_has_error" CHECK ("audit_events"."outcome" <> 'rejected' OR "audit_events"."error_code" IS NOT NULL),
	CONSTRAINT "audit_events_offline_has_device_time" CHECK (NOT "audit_events"."offline" OR "audit_events"."device_time" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "audit_integrity_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"stream_id" text,
	"status" "audit_integrity_run_status" DEFAULT 'running' NOT NULL,
	"checked_from_sequence" bigint,
	"checked_to_sequence" bigint,
	"events_checked" integer DEFAULT 0 NOT NULL,
	"broken_at_sequence" bigint,
	"broken_event_id" text,
	"summary" varchar(800),
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "audit_integrity_runs_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "audit_integrity_runs_events_checked_nonneg" CHECK ("audit_integrity_runs"."events_checked" >= 0),
	CONSTRAINT "audit_integrity_runs_range_order" CHECK ("audit_integrity_runs"."checked_from_sequence" IS NULL OR "audit_integrity_runs"."checked_to_sequence" IS NULL OR "audit_integrity_runs"."checked_to_sequence" >= "audit_integrity_runs"."checked_from_sequence"),
	CONSTRAINT "audit_integrity_runs_broken_shape" CHECK (("audit_integrity_runs"."broken_at_sequence" IS NULL AND "audit_integrity_runs"."broken_event_id" IS NULL) OR "audit_integrity_runs"."status" = 'broken'),
	CONSTRAINT "audit_integrity_runs_finished_shape" CHECK (("audit_integrity_runs"."status" = 'running') = ("audit_integrity_runs"."finished_at" IS NULL)),
	CONSTRAINT "audit_integrity_runs_finished_after_start" CHECK ("audit_integrity_runs"."finished_at" IS NULL OR "audit_integrity_runs"."finished_at" >= "audit_integrity_runs"."started_at")
);
--> statement-breakpoint
CREATE TABLE "audit_streams" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"stream_key" varchar(200) NOT NULL,
	"description" varchar(600),
	"last_sequence" bigint DEFAULT 0 NOT NULL,
	"last_hash" varchar(64),
	"last_event_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "audit_streams_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "audit_streams_biz_stream_key_uq" UNIQUE("biz_id","stream_key"),
	CONSTRAINT "audit_streams_stream_key_nonempty" CHECK (length("audit_streams"."stream_key") > 0),
	CONSTRAINT "audit_streams_last_sequence_nonneg" CHECK ("audit_streams"."last_sequence" >= 0),
	CONSTRAINT "audit_streams_head_shape" CHECK (("audit_streams"."last_sequence" = 0) = ("audit_streams"."last_hash" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "channel_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"provider" "channel_provider" NOT NULL,
	"name" varchar(180) NOT NULL,
	"status" "channel_connection_status" DEFAULT 'active' NOT NULL,
	"provider_account_ref" varchar(200),
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"auth_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_synced_at" timestamp with time zone,
	"last_error" varchar(600),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "channel_accounts_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "channel_entity_links" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"channel_account_id" text NOT NULL,
	"object_type" "channel_object_type" NOT NULL,
	"offer_version_id" text,
	"booking_order_id" text,
	"resource_id" text,
	"customer_user_id" text,
	"local_reference_key" varchar(200),
	"external_object_id" varchar(200) NOT NULL,
	"external_parent_id" varchar(200),
	"sync_hash" varchar(140),
	"is_active" boolean DEFAULT true NOT NULL,
	"last_synced_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "channel_entity_links_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "channel_entity_links_object_shape" CHECK ((("channel_entity_links"."object_type" = 'offer_version' AND "channel_entity_links"."offer_version_id" IS NOT NULL AND "channel_entity_links"."booking_order_id" IS NULL AND "channel_entity_links"."resource_id" IS NULL AND "channel_entity_links"."customer_user_id" IS NULL AND "channel_entity_links"."local_reference_key" IS NULL) OR ("channel_entity_links"."object_type" = 'booking_order' AND "channel_entity_links"."booking_order_id" IS NOT NULL AND "channel_entity_links"."offer_version_id" IS NULL AND "channel_entity_links"."resource_id" IS NULL AND "channel_entity_links"."customer_user_id" IS NULL AND "channel_entity_links"."local_reference_key" IS NULL) OR ("channel_entity_links"."object_type" = 'resource' AND "channel_entity_links"."resource_id" IS NOT NULL AND "channel_entity_links"."offer_version_id" IS NULL AND "channel_entity_links"."booking_order_id" IS NULL AND "channel_entity_links"."customer_user_id" IS NULL AND "channel_entity_links"."local_reference_key" IS NULL) OR ("channel_entity_links"."object_type" = 'customer' AND "channel_entity_links"."customer_user_id" IS NOT NULL AND "channel_entity_links"."offer_version_id" IS NULL AND "channel_entity_links"."booking_order_id" IS NULL AND "channel_entity_links"."resource_id" IS NULL AND "channel_entity_links"."local_reference_key" IS NULL) OR ("channel_entity_links"."object_type" = 'availability' AND "channel_entity_links"."local_reference_key" IS NOT NULL AND "channel_entity_links"."offer_version_id" IS NULL AND "channel_entity_links"."booking_order_id" IS NULL AND "channel_entity_links"."resource_id" IS NULL AND "channel_entity_links"."customer_user_id" IS NULL) OR ("channel_entity_links"."object_type" = 'class_session' AND "channel_entity_links"."local_reference_key" IS NOT NULL AND "channel_entity_links"."offer_version_id" IS NULL AND "channel_entity_links"."booking_order_id" IS NULL AND "channel_entity_links"."resource_id" IS NULL AND "channel_entity_links"."customer_user_id" IS NULL) OR ("channel_entity_links"."object_type" = 'custom' AND "channel_entity_links"."local_reference_key" IS NOT NULL AND "channel_entity_links"."offer_version_id" IS NULL AND "channel_entity_links"."booking_order_id" IS NULL AND "channel_entity_links"."resource_id" IS NULL AND "channel_entity_links"."customer_user_id" IS NULL)))
);
--> statement-breakpoint
CREATE TABLE "channel_sync_items" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"channel_sync_job_id" text NOT NULL,
	"channel_entity_link_id" text,
	"object_type" "channel_object_type" NOT NULL,
	"local_reference_key" varchar(200),
	"external_object_id" varchar(200),
	"status" "channel_sync_item_status" DEFAULT 'pending' NOT NULL,
	"error_message" varchar(600),
	"processed_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "channel_sync_items_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "channel_sync_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"channel_account_id" text NOT NULL,
	"direction" "channel_sync_direction" NOT NULL,
	"object_type" "channel_object_type" NOT NULL,
	"status" "channel_sync_job_status" DEFAULT 'queued' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cursor_snapshot" jsonb,
	"processed_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"summary" varchar(800),
	"error_payload" jsonb,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "channel_sync_jobs_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "channel_sync_jobs_completed_after_start" CHECK ("channel_sync_jobs"."completed_at" IS NULL OR "channel_sync_jobs"."started_at" IS NULL OR "channel_sync_jobs"."completed_at" >= "channel_sync_jobs"."started_at"),
	CONSTRAINT "channel_sync_jobs_counts_nonneg" CHECK ("channel_sync_jobs"."processed_count" >= 0 AND "channel_sync_jobs"."failed_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "channel_sync_states" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"channel_account_id" text NOT NULL,
	"object_type" "channel_object_type" NOT NULL,
	"direction" "channel_sync_direction" NOT NULL,
	"inbound_cursor" varchar(500),
	"outbound_cursor" varchar(500),
	"last_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_failure" varchar(600),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "channel_sync_states_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "channel_sync_states_account_object_direction_uq" UNIQUE("channel_account_id","object_type","direction")
);
--> statement-breakpoint
CREATE TABLE "channel_webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"channel_account_id" text NOT NULL,
	"status" "channel_webhook_status" DEFAULT 'received' NOT NULL,
	"event_type" varchar(140) NOT NULL,
	"external_event_id" varchar(200) NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"error_message" varchar(600),
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "channel_webhook_events_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "channel_webhook_events_account_external_uq" UNIQUE("channel_account_id","external_event_id"),
	CONSTRAINT "channel_webhook_events_retry_count_nonneg" CHECK ("channel_webhook_events"."retry_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "asset_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(160) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"description" varchar(600),
	"sort_order" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "asset_categories_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "asset_categories_slug_nonempty" CHECK (length("asset_categories"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "asset_status_definition_tag_scopes" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"status_definition_id" text NOT NULL,
	"tag_template_id" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "asset_status_definition_tag_scopes_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "asset_status_definitions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"description" varchar(600),
	"is_usable" boolean DEFAULT true NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "asset_status_definitions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "asset_status_definitions_slug_nonempty" CHECK (length("asset_status_definitions"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "asset_tag_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"asset_id" text NOT NULL,
	"tag_template_id" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "asset_tag_assignments_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "asset_tag_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(120) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"description" varchar(600),
	"color" varchar(20),
	"sort_order" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "asset_tag_templates_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "asset_tag_templates_slug_nonempty" CHECK (length("asset_tag_templates"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"location_id" text,
	"category_id" text,
	"status_definition_id" text,
	"name" varchar(255) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"description" text,
	"serial_number" varchar(120),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "assets_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "assets_slug_nonempty" CHECK (length("assets"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_provider_account_uq" UNIQUE("provider_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"email" varchar(255) NOT NULL,
	"role" "member_role" NOT NULL,
	"status" "invitation_status" DEFAULT 'pending' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"inviter_id" text NOT NULL,
	CONSTRAINT "invitations_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "invitations_email_shape" CHECK (position('@' in "invitations"."email") > 1)
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" "member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "members_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "members_biz_user_uq" UNIQUE("biz_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	"active_biz_id" text,
	"impersonated_by" text,
	CONSTRAINT "sessions_token_uq" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_account_members" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"group_account_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" "shared_account_member_role" DEFAULT 'adult' NOT NULL,
	"relationship" varchar(50),
	"permissions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"managed_by" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"date_of_birth" date,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "group_account_members_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "group_account_members_uq" UNIQUE("biz_id","group_account_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "group_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(255) NOT NULL,
	"type" "shared_account_type" DEFAULT 'family' NOT NULL,
	"primary_contact_user_id" text,
	"profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "group_accounts_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "org_membership_locations" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"membership_id" text NOT NULL,
	"location_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_membership_locations_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "org_membership_locations_uq" UNIQUE("membership_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "org_memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"user_id" text NOT NULL,
	"member_id" text,
	"role" "org_membership_role" DEFAULT 'staff' NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"location_scope" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"permissions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"invited_by_user_id" text,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "org_memberships_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "org_memberships_biz_user_uq" UNIQUE("biz_id","user_id"),
	CONSTRAINT "org_memberships_biz_member_uq" UNIQUE("biz_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"location_id" text,
	"name" varchar(255) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"sku" varchar(120),
	"description" text,
	"base_price_minor" integer DEFAULT 0 NOT NULL,
	"cost_minor" integer,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"type" "product_type" DEFAULT 'digital' NOT NULL,
	"status" "lifecycle_status" DEFAULT 'draft' NOT NULL,
	"download_url" varchar(500),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "products_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "products_slug_nonempty" CHECK (length("products"."slug") > 0),
	CONSTRAINT "products_currency_iso" CHECK ("products"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "products_amounts" CHECK ("products"."base_price_minor" >= 0 AND ("products"."cost_minor" IS NULL OR "products"."cost_minor" >= 0))
);
--> statement-breakpoint
CREATE TABLE "host_group_members" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"host_group_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" varchar(50) DEFAULT 'member' NOT NULL,
	"is_assignable" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "host_group_members_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "host_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(255) NOT NULL,
	"group_account_id" text,
	"email" varchar(255),
	"phone" varchar(50),
	"website" varchar(500),
	"dispatch_method" varchar(50) DEFAULT 'manual' NOT NULL,
	"service_radius_miles" integer,
	"business_hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "host_groups_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "host_groups_radius" CHECK ("host_groups"."service_radius_miles" IS NULL OR "host_groups"."service_radius_miles" >= 0)
);
--> statement-breakpoint
CREATE TABLE "host_users" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"user_id" text NOT NULL,
	"member_id" text,
	"email" varchar(255),
	"phone" varchar(50),
	"bio" varchar(1500),
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"travel_radius_miles" integer,
	"max_daily_bookings" integer,
	"min_rest_between_bookings_min" integer DEFAULT 0 NOT NULL,
	"payment_profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rating" integer,
	"review_count" integer DEFAULT 0 NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "host_users_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "host_users_resource_uq" UNIQUE("resource_id"),
	CONSTRAINT "host_users_limits" CHECK ("host_users"."min_rest_between_bookings_min" >= 0 AND "host_users"."review_count" >= 0
        AND ("host_users"."max_daily_bookings" IS NULL OR "host_users"."max_daily_bookings" > 0)
        AND ("host_users"."travel_radius_miles" IS NULL OR "host_users"."travel_radius_miles" >= 0)
        AND ("host_users"."rating" IS NULL OR "host_users"."rating" BETWEEN 0 AND 500))
);
--> statement-breakpoint
CREATE TABLE "resource_service_capabilities" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"service_id" text NOT NULL,
	"location_id" text,
	"is_enabled" boolean DEFAULT true NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"description" varchar(600),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "resource_service_capabilities_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "resource_service_capabilities_priority" CHECK ("resource_service_capabilities"."priority" >= 0)
);
--> statement-breakpoint
CREATE TABLE "resource_status_definitions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"location_id" text,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"description" varchar(600),
	"is_bookable" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "resource_status_definitions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "resource_status_definitions_slug_nonempty" CHECK (length("resource_status_definitions"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"location_id" text NOT NULL,
	"type" "resource_type" NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"description" varchar(1000),
	"timezone" varchar(50) DEFAULT 'UTC' NOT NULL,
	"status_definition_id" text,
	"host_user_id" text,
	"host_group_id" text,
	"asset_id" text,
	"venue_id" text,
	"capacity" integer DEFAULT 1 NOT NULL,
	"allow_simultaneous_bookings" boolean DEFAULT false NOT NULL,
	"max_simultaneous_bookings" integer,
	"buffer_before_min" integer DEFAULT 0 NOT NULL,
	"buffer_after_min" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "resources_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "resources_biz_id_host_user_uq" UNIQUE("biz_id","id","host_user_id"),
	CONSTRAINT "resources_type_shape" CHECK ((("resources"."type" = 'host' AND "resources"."host_user_id" IS NOT NULL AND "resources"."host_group_id" IS NULL AND "resources"."asset_id" IS NULL AND "resources"."venue_id" IS NULL) OR ("resources"."type" = 'company_host' AND "resources"."host_group_id" IS NOT NULL AND "resources"."host_user_id" IS NULL AND "resources"."asset_id" IS NULL AND "resources"."venue_id" IS NULL) OR ("resources"."type" = 'asset' AND "resources"."asset_id" IS NOT NULL AND "resources"."host_user_id" IS NULL AND "resources"."host_group_id" IS NULL AND "resources"."venue_id" IS NULL) OR ("resources"."type" = 'venue' AND "resources"."venue_id" IS NOT NULL AND "resources"."host_user_id" IS NULL AND "resources"."host_group_id" IS NULL AND "resources"."asset_id" IS NULL))),
	CONSTRAINT "resources_capacity_positive" CHECK ("resources"."capacity" > 0),
	CONSTRAINT "resources_simultaneous" CHECK ("resources"."max_simultaneous_bookings" IS NULL OR ("resources"."max_simultaneous_bookings" > 0 AND ("resources"."allow_simultaneous_bookings" OR "resources"."max_simultaneous_bookings" <= 1))),
	CONSTRAINT "resources_buffers" CHECK ("resources"."buffer_before_min" >= 0 AND "resources"."buffer_after_min" >= 0),
	CONSTRAINT "resources_slug_nonempty" CHECK (length("resources"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "service_product_requirement_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"service_product_id" text NOT NULL,
	"name" varchar(160) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"target_resource_type" "resource_type" NOT NULL,
	"requirement_mode" "requirement_mode" DEFAULT 'required' NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"max_quantity" integer,
	"selector_match_mode" "selector_match_mode" DEFAULT 'any' NOT NULL,
	"allow_substitution" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"description" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "service_product_requirement_groups_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "service_product_requirement_groups_quantities" CHECK ("service_product_requirement_groups"."min_quantity" >= 0 AND ("service_product_requirement_groups"."max_quantity" IS NULL OR "service_product_requirement_groups"."max_quantity" >= "service_product_requirement_groups"."min_quantity"))
);
--> statement-breakpoint
CREATE TABLE "service_product_requirement_selectors" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"requirement_group_id" text NOT NULL,
	"selector_type" "resource_selector_type" NOT NULL,
	"is_included" boolean DEFAULT true NOT NULL,
	"resource_id" text,
	"resource_type" "resource_type",
	"capability_template_id" text,
	"location_id" text,
	"subject_type" varchar(80),
	"subject_id" varchar(140),
	"sort_order" integer DEFAULT 100 NOT NULL,
	"description" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "service_product_requirement_selectors_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "service_product_requirement_selectors_selector_shape" CHECK ((("service_product_requirement_selectors"."selector_type" = 'any' AND "service_product_requirement_selectors"."resource_id" IS NULL AND "service_product_requirement_selectors"."resource_type" IS NULL AND "service_product_requirement_selectors"."capability_template_id" IS NULL AND "service_product_requirement_selectors"."location_id" IS NULL AND "service_product_requirement_selectors"."subject_type" IS NULL AND "service_product_requirement_selectors"."subject_id" IS NULL) OR ("service_product_requirement_selectors"."selector_type" = 'resource' AND "service_product_requirement_selectors"."resource_id" IS NOT NULL AND "service_product_requirement_selectors"."resource_type" IS NULL AND "service_product_requirement_selectors"."capability_template_id" IS NULL AND "service_product_requirement_selectors"."location_id" IS NULL AND "service_product_requirement_selectors"."subject_type" IS NULL AND "service_product_requirement_selectors"."subject_id" IS NULL) OR ("service_product_requirement_selectors"."selector_type" = 'resource_type' AND "service_product_requirement_selectors"."resource_type" IS NOT NULL AND "service_product_requirement_selectors"."resource_id" IS NULL AND "service_product_requirement_selectors"."capability_template_id" IS NULL AND "service_product_requirement_selectors"."location_id" IS NULL AND "service_product_requirement_selectors"."subject_type" IS NULL AND "service_product_requirement_selectors"."subject_id" IS NULL) OR ("service_product_requirement_selectors"."selector_type" = 'capability_template' AND "service_product_requirement_selectors"."capability_template_id" IS NOT NULL AND "service_product_requirement_selectors"."resource_id" IS NULL AND "service_product_requirement_selectors"."resource_type" IS NULL AND "service_product_requirement_selectors"."location_id" IS NULL AND "service_product_requirement_selectors"."subject_type" IS NULL AND "service_product_requirement_selectors"."subject_id" IS NULL) OR ("service_product_requirement_selectors"."selector_type" = 'location' AND "service_product_requirement_selectors"."location_id" IS NOT NULL AND "service_product_requirement_selectors"."resource_id" IS NULL AND "service_product_requirement_selectors"."resource_type" IS NULL AND "service_product_requirement_selectors"."capability_template_id" IS NULL AND "service_product_requirement_selectors"."subject_type" IS NULL AND "service_product_requirement_selectors"."subject_id" IS NULL) OR ("service_product_requirement_selectors"."selector_type" = 'custom_subject' AND "service_product_requirement_selectors"."subject_type" IS NOT NULL AND "service_product_requirement_selectors"."subject_id" IS NOT NULL AND "service_product_requirement_selectors"."resource_id" IS NULL AND "service_product_requirement_selectors"."resource_type" IS NULL AND "service_product_requirement_selectors"."capability_template_id" IS NULL AND "service_product_requirement_selectors"."location_id" IS NULL)))
);
--> statement-breakpoint
CREATE TABLE "service_product_seat_type_requirements" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"seat_type_id" text NOT NULL,
	"requirement_group_id" text NOT NULL,
	"min_quantity_override" integer,
	"max_quantity_override" integer,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "service_product_seat_type_requirements_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "service_product_seat_type_requirements_overrides" CHECK (coalesce("service_product_seat_type_requirements"."min_quantity_override", 0) >= 0 AND ("service_product_seat_type_requirements"."max_quantity_override" IS NULL
        OR "service_product_seat_type_requirements"."max_quantity_override" >= coalesce("service_product_seat_type_requirements"."min_quantity_override", 0)))
);
--> statement-breakpoint
CREATE TABLE "service_product_seat_types" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"service_product_id" text NOT NULL,
	"name" varchar(120) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"description" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"min_seats" integer DEFAULT 0 NOT NULL,
	"max_seats" integer,
	"default_quantity" integer DEFAULT 1 NOT NULL,
	"base_price_amount" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "service_product_seat_types_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "service_product_seat_types_currency_iso" CHECK ("service_product_seat_types"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "service_product_seat_types_seats" CHECK ("service_product_seat_types"."min_seats" >= 0 AND "service_product_seat_types"."base_price_amount" >= 0 AND "service_product_seat_types"."default_quantity" >= "service_product_seat_types"."min_seats"
        AND ("service_product_seat_types"."max_seats" IS NULL OR ("service_product_seat_types"."max_seats" >= "service_product_seat_types"."min_seats" AND "service_product_seat_types"."default_quantity" <= "service_product_seat_types"."max_seats")))
);
--> statement-breakpoint
CREATE TABLE "service_product_services" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"service_product_id" text NOT NULL,
	"service_id" text,
	"service_group_id" text,
	"requirement_mode" "requirement_mode" DEFAULT 'required' NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"max_quantity" integer,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"description" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "service_product_services_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "service_product_services_one_target" CHECK (("service_product_services"."service_id" IS NULL) <> ("service_product_services"."service_group_id" IS NULL)),
	CONSTRAINT "service_product_services_quantities" CHECK ("service_product_services"."min_quantity" >= 0 AND ("service_product_services"."max_quantity" IS NULL OR "service_product_services"."max_quantity" >= "service_product_services"."min_quantity"))
);
--> statement-breakpoint
CREATE TABLE "service_products" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"product_id" text,
	"name" varchar(255) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"description" text,
	"kind" "service_product_kind" DEFAULT 'booking' NOT NULL,
	"duration_mode" "duration_mode" DEFAULT 'fixed' NOT NULL,
	"default_duration_min" integer DEFAULT 60 NOT NULL,
	"min_duration_min" integer,
	"max_duration_min" integer,
	"duration_step_min" integer DEFAULT 15 NOT NULL,
	"timezone" varchar(50) DEFAULT 'UTC' NOT NULL,
	"base_price_amount" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"pricing_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"availability_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"status" "lifecycle_status" DEFAULT 'draft' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "service_products_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "service_products_slug_nonempty" CHECK (length("service_products"."slug") > 0),
	CONSTRAINT "service_products_currency_iso" CHECK ("service_products"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "service_products_durations" CHECK ("service_products"."default_duration_min" > 0 AND "service_products"."duration_step_min" > 0 AND "service_products"."base_price_amount" >= 0
        AND ("service_products"."min_duration_min" IS NULL OR "service_products"."min_duration_min" > 0)
        AND ("service_products"."max_duration_min" IS NULL OR ("service_products"."max_duration_min" > 0
          AND ("service_products"."min_duration_min" IS NULL OR "service_products"."max_duration_min" >= "service_products"."min_duration_min"))))
);
--> statement-breakpoint
CREATE TABLE "service_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"description" text,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "service_groups_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "service_groups_slug_nonempty" CHECK (length("service_groups"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"service_group_id" text NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"description" text,
	"type" "service_type" DEFAULT 'appointment' NOT NULL,
	"visibility" "service_visibility" DEFAULT 'public' NOT NULL,
	"default_duration_min" integer DEFAULT 60 NOT NULL,
	"min_advance_booking_hours" integer,
	"max_advance_booking_days" integer,
	"booking_cutoff_minutes" integer,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"allow_waitlist" boolean DEFAULT true NOT NULL,
	"allow_overbooking" boolean DEFAULT false NOT NULL,
	"min_cancellation_notice_hours" integer,
	"min_reschedule_notice_hours" integer,
	"booking_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cancellation_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deposit_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"eligibility_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_self_bookable" boolean DEFAULT true NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "services_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "services_slug_nonempty" CHECK (length("services"."slug") > 0),
	CONSTRAINT "services_duration_positive" CHECK ("services"."default_duration_min" > 0),
	CONSTRAINT "services_notice_non_negative" CHECK (coalesce("services"."min_advance_booking_hours", 0) >= 0 AND coalesce("services"."max_advance_booking_days", 0) >= 0
        AND coalesce("services"."booking_cutoff_minutes", 0) >= 0 AND coalesce("services"."min_cancellation_notice_hours", 0) >= 0
        AND coalesce("services"."min_reschedule_notice_hours", 0) >= 0),
	CONSTRAINT "services_horizon_after_lead" CHECK ("services"."max_advance_booking_days" IS NULL OR "services"."min_advance_booking_hours" IS NULL OR "services"."max_advance_booking_days" * 24 >= "services"."min_advance_booking_hours")
);
--> statement-breakpoint
CREATE TABLE "subject_location_bindings" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"subject_type" varchar(80) NOT NULL,
	"subject_id" varchar(140) NOT NULL,
	"location_id" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"effective_from" timestamp with time zone,
	"effective_to" timestamp with time zone,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "subject_location_bindings_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "subject_location_bindings_priority" CHECK ("subject_location_bindings"."priority" >= 0),
	CONSTRAINT "subject_location_bindings_window" CHECK ("subject_location_bindings"."effective_to" IS NULL OR "subject_location_bindings"."effective_from" IS NULL OR "subject_location_bindings"."effective_to" > "subject_location_bindings"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"subject_type" varchar(80) NOT NULL,
	"subject_id" varchar(140) NOT NULL,
	"display_name" varchar(240),
	"category" varchar(80),
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"is_linkable" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "subjects_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "subjects_biz_type_id_uq" UNIQUE("biz_id","subject_type","subject_id"),
	CONSTRAINT "subjects_keys_nonempty" CHECK (length("subjects"."subject_type") > 0 AND length("subjects"."subject_id") > 0)
);
--> statement-breakpoint
CREATE TABLE "bizes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"type" "biz_type" DEFAULT 'small_business' NOT NULL,
	"logo_url" varchar(500),
	"timezone" varchar(50) DEFAULT 'UTC' NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"check_in_public_key" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "bizes_currency_iso" CHECK ("bizes"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"type" "location_type" DEFAULT 'physical' NOT NULL,
	"timezone" varchar(50) DEFAULT 'UTC' NOT NULL,
	"address" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"operating_hours" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"config_override" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"service_area" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "locations_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "locations_biz_slug_uq" UNIQUE("biz_id","slug"),
	CONSTRAINT "locations_slug_nonempty" CHECK (length("locations"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" varchar(255) NOT NULL,
	"name" varchar(255) DEFAULT '' NOT NULL,
	"first_name" varchar(100),
	"last_name" varchar(100),
	"phone" varchar(50),
	"role" "org_membership_role" DEFAULT 'staff' NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"avatar_url" varchar(500),
	"date_of_birth" date,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"preferences" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"email_verified_at" timestamp with time zone,
	"banned" boolean DEFAULT false NOT NULL,
	"ban_reason" varchar(500),
	"ban_expires" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "venue_amenity_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"venue_id" text NOT NULL,
	"amenity_template_id" text NOT NULL,
	"quantity" integer,
	"notes" varchar(600),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "venue_amenity_assignments_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "venue_amenity_assignments_quantity_positive" CHECK ("venue_amenity_assignments"."quantity" IS NULL OR "venue_amenity_assignments"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "venue_amenity_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(120) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"description" varchar(600),
	"icon" varchar(60),
	"sort_order" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "venue_amenity_templates_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "venue_amenity_templates_slug_nonempty" CHECK (length("venue_amenity_templates"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "venue_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(160) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"description" varchar(600),
	"sort_order" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "venue_categories_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "venue_categories_slug_nonempty" CHECK (length("venue_categories"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "venue_status_definitions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(100) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"description" varchar(600),
	"is_usable" boolean DEFAULT true NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "venue_status_definitions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "venue_status_definitions_slug_nonempty" CHECK (length("venue_status_definitions"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "venue_tag_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"venue_id" text NOT NULL,
	"tag_template_id" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "venue_tag_assignments_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "venue_tag_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(120) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"description" varchar(600),
	"color" varchar(20),
	"sort_order" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "venue_tag_templates_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "venue_tag_templates_slug_nonempty" CHECK (length("venue_tag_templates"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "venues" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"location_id" text,
	"category_id" text,
	"status_definition_id" text,
	"name" varchar(255) NOT NULL,
	"slug" varchar(100) NOT NULL,
	"address" text,
	"setup_minutes" integer DEFAULT 0 NOT NULL,
	"teardown_minutes" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "venues_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "venues_slug_nonempty" CHECK (length("venues"."slug") > 0),
	CONSTRAINT "venues_setup_teardown" CHECK ("venues"."setup_minutes" >= 0 AND "venues"."teardown_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "certification_awards" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"certification_template_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"learner_user_id" text NOT NULL,
	"status" "certification_award_status" DEFAULT 'awarded' NOT NULL,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"evidence" jsonb,
	"certificate_code" varchar(120),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "certification_awards_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "certification_awards_template_enrollment_uq" UNIQUE("certification_template_id","enrollment_id"),
	CONSTRAINT "certification_awards_expires_after_award" CHECK ("certification_awards"."expires_at" IS NULL OR "certification_awards"."expires_at" >= "certification_awards"."awarded_at"),
	CONSTRAINT "certification_awards_revoked_after_award" CHECK ("certification_awards"."revoked_at" IS NULL OR "certification_awards"."revoked_at" >= "certification_awards"."awarded_at"),
	CONSTRAINT "certification_awards_revoked_shape" CHECK (("certification_awards"."status" = 'revoked') = ("certification_awards"."revoked_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "certification_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"program_id" text NOT NULL,
	"name" varchar(220) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"valid_for_days" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "certification_templates_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "certification_templates_valid_days_positive" CHECK ("certification_templates"."valid_for_days" IS NULL OR "certification_templates"."valid_for_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "cohort_enrollments" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"cohort_id" text NOT NULL,
	"learner_user_id" text NOT NULL,
	"booking_order_id" text,
	"status" "cohort_enrollment_status" DEFAULT 'enrolled' NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"dropped_at" timestamp with time zone,
	"final_score" integer,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "cohort_enrollments_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "cohort_enrollments_cohort_learner_uq" UNIQUE("cohort_id","learner_user_id"),
	CONSTRAINT "cohort_enrollments_biz_cohort_id_uq" UNIQUE("biz_id","cohort_id","id"),
	CONSTRAINT "cohort_enrollments_biz_id_learner_uq" UNIQUE("biz_id","id","learner_user_id"),
	CONSTRAINT "cohort_enrollments_completed_after_enrolled" CHECK ("cohort_enrollments"."completed_at" IS NULL OR "cohort_enrollments"."completed_at" >= "cohort_enrollments"."enrolled_at"),
	CONSTRAINT "cohort_enrollments_dropped_after_enrolled" CHECK ("cohort_enrollments"."dropped_at" IS NULL OR "cohort_enrollments"."dropped_at" >= "cohort_enrollments"."enrolled_at")
);
--> statement-breakpoint
CREATE TABLE "program_cohort_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"cohort_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"name" varchar(220) NOT NULL,
	"status" "program_session_status" DEFAULT 'planned' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location_id" text,
	"instructor_resource_id" text,
	"fulfillment_unit_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "program_cohort_sessions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "program_cohort_sessions_biz_cohort_id_uq" UNIQUE("biz_id","cohort_id","id"),
	CONSTRAINT "program_cohort_sessions_sequence_positive" CHECK ("program_cohort_sessions"."sequence" >= 1),
	CONSTRAINT "program_cohort_sessions_window_order" CHECK ("program_cohort_sessions"."ends_at" > "program_cohort_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "program_cohorts" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"program_id" text NOT NULL,
	"name" varchar(220) NOT NULL,
	"code" varchar(120) NOT NULL,
	"status" "program_cohort_status" DEFAULT 'planned' NOT NULL,
	"enrollment_opens_at" timestamp with time zone,
	"enrollment_closes_at" timestamp with time zone,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"location_id" text,
	"lead_resource_id" text,
	"capacity" integer,
	"min_enrollment" integer,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "program_cohorts_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "program_cohorts_enrollment_window" CHECK ("program_cohorts"."enrollment_opens_at" IS NULL OR "program_cohorts"."enrollment_closes_at" IS NULL OR "program_cohorts"."enrollment_closes_at" >= "program_cohorts"."enrollment_opens_at"),
	CONSTRAINT "program_cohorts_window_order" CHECK ("program_cohorts"."ends_at" > "program_cohorts"."starts_at"),
	CONSTRAINT "program_cohorts_capacity_positive" CHECK ("program_cohorts"."capacity" IS NULL OR "program_cohorts"."capacity" > 0),
	CONSTRAINT "program_cohorts_min_enrollment_range" CHECK ("program_cohorts"."min_enrollment" IS NULL OR ("program_cohorts"."min_enrollment" >= 0 AND ("program_cohorts"."capacity" IS NULL OR "program_cohorts"."min_enrollment" <= "program_cohorts"."capacity")))
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(220) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"status" "lifecycle_status" DEFAULT 'draft' NOT NULL,
	"offer_version_id" text,
	"calendar_binding_id" text,
	"expected_duration_days" integer,
	"required_attendance_bps" integer DEFAULT 8000 NOT NULL,
	"curriculum" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "programs_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "programs_duration_positive" CHECK ("programs"."expected_duration_days" IS NULL OR "programs"."expected_duration_days" > 0),
	CONSTRAINT "programs_attendance_bps_range" CHECK ("programs"."required_attendance_bps" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "session_attendance_records" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"cohort_id" text NOT NULL,
	"session_id" text NOT NULL,
	"enrollment_id" text NOT NULL,
	"status" "session_attendance_status" DEFAULT 'present' NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"attended_minutes" integer,
	"notes" varchar(800),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "session_attendance_records_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "session_attendance_records_session_enrollment_uq" UNIQUE("session_id","enrollment_id"),
	CONSTRAINT "session_attendance_records_checkout_after_checkin" CHECK ("session_attendance_records"."checked_out_at" IS NULL OR "session_attendance_records"."checked_in_at" IS NULL OR "session_attendance_records"."checked_out_at" >= "session_attendance_records"."checked_in_at"),
	CONSTRAINT "session_attendance_records_attended_minutes_nonneg" CHECK ("session_attendance_records"."attended_minutes" IS NULL OR "session_attendance_records"."attended_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "entitlement_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"wallet_id" text NOT NULL,
	"membership_id" text,
	"booking_order_id" text,
	"grant_type" "entitlement_grant_type" NOT NULL,
	"quantity" integer NOT NULL,
	"valid_from_at" timestamp with time zone DEFAULT now() NOT NULL,
	"valid_until_at" timestamp with time zone,
	"rollover_eligible" boolean DEFAULT false NOT NULL,
	"transferable" boolean DEFAULT false NOT NULL,
	"reason" varchar(400),
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "entitlement_grants_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "entitlement_grants_quantity_positive" CHECK ("entitlement_grants"."quantity" > 0),
	CONSTRAINT "entitlement_grants_window_order" CHECK ("entitlement_grants"."valid_until_at" IS NULL OR "entitlement_grants"."valid_until_at" > "entitlement_grants"."valid_from_at")
);
--> statement-breakpoint
CREATE TABLE "entitlement_ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"wallet_id" text NOT NULL,
	"entry_type" "entitlement_ledger_entry_type" NOT NULL,
	"quantity" integer NOT NULL,
	"balance_after" integer NOT NULL,
	"booking_order_id" text,
	"fulfillment_unit_id" text,
	"grant_id" text,
	"transfer_id" text,
	"rollover_run_id" text,
	"payment_intent_tender_id" text,
	"expires_at" timestamp with time zone,
	"reason_code" varchar(120),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "entitlement_ledger_entries_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "entitlement_ledger_entries_quantity_nonzero" CHECK ("entitlement_ledger_entries"."quantity" <> 0),
	CONSTRAINT "entitlement_ledger_entries_quantity_sign" CHECK (("entitlement_ledger_entries"."entry_type" NOT IN ('grant', 'refund', 'transfer_in') OR "entitlement_ledger_entries"."quantity" > 0) AND ("entitlement_ledger_entries"."entry_type" NOT IN ('debit', 'transfer_out', 'expiry') OR "entitlement_ledger_entries"."quantity" < 0)),
	CONSTRAINT "entitlement_ledger_entries_link_shape" CHECK (("entitlement_ledger_entries"."entry_type" NOT IN ('transfer_in', 'transfer_out') OR "entitlement_ledger_entries"."transfer_id" IS NOT NULL) AND ("entitlement_ledger_entries"."entry_type" <> 'grant' OR "entitlement_ledger_entries"."grant_id" IS NOT NULL) AND ("entitlement_ledger_entries"."entry_type" <> 'rollover' OR "entitlement_ledger_entries"."rollover_run_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "entitlement_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"from_wallet_id" text NOT NULL,
	"to_wallet_id" text NOT NULL,
	"status" "entitlement_transfer_status" DEFAULT 'requested' NOT NULL,
	"quantity" integer NOT NULL,
	"fee_minor" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"payment_intent_id" text,
	"requested_by_user_id" text,
	"reviewed_by_user_id" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"reason" varchar(500),
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "entitlement_transfers_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "entitlement_transfers_currency_iso" CHECK ("entitlement_transfers"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "entitlement_transfers_distinct_wallets" CHECK ("entitlement_transfers"."from_wallet_id" <> "entitlement_transfers"."to_wallet_id"),
	CONSTRAINT "entitlement_transfers_amounts_valid" CHECK ("entitlement_transfers"."quantity" > 0 AND "entitlement_transfers"."fee_minor" >= 0),
	CONSTRAINT "entitlement_transfers_time_order" CHECK (("entitlement_transfers"."reviewed_at" IS NULL OR "entitlement_transfers"."reviewed_at" >= "entitlement_transfers"."requested_at") AND ("entitlement_transfers"."completed_at" IS NULL OR "entitlement_transfers"."completed_at" >= "entitlement_transfers"."requested_at") AND ("entitlement_transfers"."expires_at" IS NULL OR "entitlement_transfers"."expires_at" > "entitlement_transfers"."requested_at"))
);
--> statement-breakpoint
CREATE TABLE "entitlement_wallets" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"membership_id" text,
	"owner_user_id" text,
	"group_account_id" text,
	"name" varchar(180) DEFAULT '' NOT NULL,
	"entitlement_type" "entitlement_grant_type" DEFAULT 'credit' NOT NULL,
	"unit" "entitlement_unit" DEFAULT 'credit' NOT NULL,
	"currency" varchar(3),
	"balance" integer DEFAULT 0 NOT NULL,
	"allow_overdraft" boolean DEFAULT false NOT NULL,
	"overdraft_limit" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone,
	"code" varchar(40),
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "entitlement_wallets_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "entitlement_wallets_currency_iso" CHECK ("entitlement_wallets"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "entitlement_wallets_currency_shape" CHECK (("entitlement_wallets"."unit" = 'currency_minor') = ("entitlement_wallets"."currency" IS NOT NULL)),
	CONSTRAINT "entitlement_wallets_at_most_one_owner" CHECK (num_nonnulls("entitlement_wallets"."owner_user_id", "entitlement_wallets"."group_account_id") <= 1),
	CONSTRAINT "entitlement_wallets_overdraft_limit_nonneg" CHECK ("entitlement_wallets"."overdraft_limit" >= 0),
	CONSTRAINT "entitlement_wallets_balance_floor" CHECK (("entitlement_wallets"."allow_overdraft" AND "entitlement_wallets"."balance" >= -"entitlement_wallets"."overdraft_limit") OR (NOT "entitlement_wallets"."allow_overdraft" AND "entitlement_wallets"."balance" >= 0))
);
--> statement-breakpoint
CREATE TABLE "membership_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"description" text,
	"status" "lifecycle_status" DEFAULT 'draft' NOT NULL,
	"billing_interval_count" integer DEFAULT 1 NOT NULL,
	"billing_interval_unit" "membership_billing_interval_unit" DEFAULT 'month' NOT NULL,
	"price_minor" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"entitlement_type" "entitlement_grant_type" DEFAULT 'credit' NOT NULL,
	"entitlement_unit" "entitlement_unit" DEFAULT 'credit' NOT NULL,
	"entitlement_quantity_per_cycle" integer DEFAULT 0 NOT NULL,
	"member_discount_bps" integer DEFAULT 0 NOT NULL,
	"allow_rollover" boolean DEFAULT false NOT NULL,
	"rollover_cap_quantity" integer,
	"allow_transfers" boolean DEFAULT false NOT NULL,
	"transfer_fee_minor" integer DEFAULT 0 NOT NULL,
	"entitlement_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"membership_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "membership_plans_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "membership_plans_currency_iso" CHECK ("membership_plans"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "membership_plans_interval_positive" CHECK ("membership_plans"."billing_interval_count" > 0),
	CONSTRAINT "membership_plans_amounts_nonneg" CHECK ("membership_plans"."price_minor" >= 0 AND "membership_plans"."entitlement_quantity_per_cycle" >= 0 AND "membership_plans"."transfer_fee_minor" >= 0 AND ("membership_plans"."rollover_cap_quantity" IS NULL OR "membership_plans"."rollover_cap_quantity" >= 0)),
	CONSTRAINT "membership_plans_discount_bps_range" CHECK ("membership_plans"."member_discount_bps" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"membership_plan_id" text NOT NULL,
	"owner_user_id" text,
	"owner_group_account_id" text,
	"status" "membership_status" DEFAULT 'trialing' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"current_period_start_at" timestamp with time zone NOT NULL,
	"current_period_end_at" timestamp with time zone NOT NULL,
	"paused_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"auto_renew" boolean DEFAULT true NOT NULL,
	"provider_subscription_ref" varchar(200),
	"status_reason" varchar(400),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "memberships_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "memberships_one_owner" CHECK (num_nonnulls("memberships"."owner_user_id", "memberships"."owner_group_account_id") = 1),
	CONSTRAINT "memberships_period_order" CHECK ("memberships"."current_period_end_at" > "memberships"."current_period_start_at" AND "memberships"."current_period_start_at" >= "memberships"."starts_at"),
	CONSTRAINT "memberships_ended_after_start" CHECK ("memberships"."ended_at" IS NULL OR "memberships"."ended_at" >= "memberships"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "rollover_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"membership_plan_id" text,
	"wallet_id" text,
	"status" "rollover_run_status" DEFAULT 'pending' NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"rolled_over_quantity" integer DEFAULT 0 NOT NULL,
	"expired_quantity" integer DEFAULT 0 NOT NULL,
	"error" text,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "rollover_runs_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "rollover_runs_plan_period_uq" UNIQUE("biz_id","membership_plan_id","period_start"),
	CONSTRAINT "rollover_runs_wallet_period_uq" UNIQUE("biz_id","wallet_id","period_start"),
	CONSTRAINT "rollover_runs_one_scope" CHECK (num_nonnulls("rollover_runs"."membership_plan_id", "rollover_runs"."wallet_id") = 1),
	CONSTRAINT "rollover_runs_period_order" CHECK ("rollover_runs"."period_end" > "rollover_runs"."period_start"),
	CONSTRAINT "rollover_runs_completed_after_started" CHECK ("rollover_runs"."completed_at" IS NULL OR "rollover_runs"."started_at" IS NULL OR "rollover_runs"."completed_at" >= "rollover_runs"."started_at"),
	CONSTRAINT "rollover_runs_quantities_nonneg" CHECK ("rollover_runs"."rolled_over_quantity" >= 0 AND "rollover_runs"."expired_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "booking_holds" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"booking_order_id" text,
	"offer_version_id" text,
	"resource_id" text,
	"location_id" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"seats" integer DEFAULT 1 NOT NULL,
	"status" "booking_hold_status" DEFAULT 'active' NOT NULL,
	"is_offline" boolean DEFAULT false NOT NULL,
	"device_id" text,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "booking_holds_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "booking_holds_window" CHECK ("booking_holds"."ends_at" > "booking_holds"."starts_at"),
	CONSTRAINT "booking_holds_seats_positive" CHECK ("booking_holds"."seats" > 0),
	CONSTRAINT "booking_holds_has_target" CHECK ("booking_holds"."offer_version_id" IS NOT NULL OR "booking_holds"."resource_id" IS NOT NULL),
	CONSTRAINT "booking_holds_offline_has_device" CHECK (NOT "booking_holds"."is_offline" OR "booking_holds"."device_id" IS NOT NULL),
	CONSTRAINT "booking_holds_converted_has_order" CHECK ("booking_holds"."status" <> 'converted' OR "booking_holds"."booking_order_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "booking_order_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"booking_order_id" text NOT NULL,
	"line_type" "booking_order_line_type" NOT NULL,
	"label" varchar(240) NOT NULL,
	"description" text,
	"offer_component_id" text,
	"seat_type_id" text,
	"quantity" integer DEFAULT 1 NOT NULL,
	"unit_amount_minor" integer NOT NULL,
	"line_total_minor" integer NOT NULL,
	"pricing_detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "booking_order_lines_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "booking_order_lines_biz_order_id_uq" UNIQUE("biz_id","booking_order_id","id"),
	CONSTRAINT "booking_order_lines_quantity_positive" CHECK ("booking_order_lines"."quantity" > 0),
	CONSTRAINT "booking_order_lines_total_formula" CHECK ("booking_order_lines"."line_total_minor" = "booking_order_lines"."quantity" * "booking_order_lines"."unit_amount_minor"),
	CONSTRAINT "booking_order_lines_sign_by_type" CHECK (("booking_order_lines"."line_type" IN ('offer_base', 'seat', 'addon', 'fee', 'tip', 'tax') AND "booking_order_lines"."unit_amount_minor" >= 0 AND "booking_order_lines"."line_total_minor" >= 0) OR ("booking_order_lines"."line_type" IN ('discount', 'refund_adjustment') AND "booking_order_lines"."unit_amount_minor" <= 0 AND "booking_order_lines"."line_total_minor" <= 0))
);
--> statement-breakpoint
CREATE TABLE "booking_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"booking_code" varchar(16) NOT NULL,
	"source" "booking_order_source" DEFAULT 'web' NOT NULL,
	"status" "booking_order_status" DEFAULT 'draft' NOT NULL,
	"payment_status" "booking_order_payment_status" DEFAULT 'unpaid' NOT NULL,
	"location_id" text,
	"offer_id" text NOT NULL,
	"offer_version_id" text NOT NULL,
	"customer_user_id" text,
	"customer_group_account_id" text,
	"customer_name" varchar(200),
	"customer_email" varchar(255),
	"customer_phone" varchar(50),
	"seats" integer DEFAULT 1 NOT NULL,
	"requested_start_at" timestamp with time zone,
	"requested_end_at" timestamp with time zone,
	"confirmed_start_at" timestamp with time zone,
	"confirmed_end_at" timestamp with time zone,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"subtotal_minor" integer DEFAULT 0 NOT NULL,
	"tax_minor" integer DEFAULT 0 NOT NULL,
	"fee_minor" integer DEFAULT 0 NOT NULL,
	"discount_minor" integer DEFAULT 0 NOT NULL,
	"total_minor" integer DEFAULT 0 NOT NULL,
	"pricing_snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"policy_snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" varchar(500),
	"checked_in_at" timestamp with time zone,
	"checked_in_by" text,
	"no_show_at" timestamp with time zone,
	"is_private" boolean DEFAULT false NOT NULL,
	"notes" text,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "booking_orders_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "booking_orders_biz_code_uq" UNIQUE("biz_id","booking_code"),
	CONSTRAINT "booking_orders_code_nonempty" CHECK (length("booking_orders"."booking_code") > 0),
	CONSTRAINT "booking_orders_seats_positive" CHECK ("booking_orders"."seats" > 0),
	CONSTRAINT "booking_orders_requested_window" CHECK ("booking_orders"."requested_start_at" IS NULL OR "booking_orders"."requested_end_at" IS NULL OR "booking_orders"."requested_end_at" > "booking_orders"."requested_start_at"),
	CONSTRAINT "booking_orders_confirmed_window" CHECK ("booking_orders"."confirmed_start_at" IS NULL OR "booking_orders"."confirmed_end_at" IS NULL OR "booking_orders"."confirmed_end_at" > "booking_orders"."confirmed_start_at"),
	CONSTRAINT "booking_orders_amounts_nonneg" CHECK ("booking_orders"."subtotal_minor" >= 0 AND "booking_orders"."tax_minor" >= 0 AND "booking_orders"."fee_minor" >= 0 AND "booking_orders"."discount_minor" >= 0),
	CONSTRAINT "booking_orders_discount_bounded" CHECK ("booking_orders"."discount_minor" <= "booking_orders"."subtotal_minor" + "booking_orders"."tax_minor" + "booking_orders"."fee_minor"),
	CONSTRAINT "booking_orders_total_formula" CHECK ("booking_orders"."total_minor" = "booking_orders"."subtotal_minor" + "booking_orders"."tax_minor" + "booking_orders"."fee_minor" - "booking_orders"."discount_minor"),
	CONSTRAINT "booking_orders_currency_iso" CHECK ("booking_orders"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "booking_orders_status_timestamps" CHECK (("booking_orders"."status" <> 'cancelled' OR "booking_orders"."cancelled_at" IS NOT NULL) AND ("booking_orders"."status" <> 'checked_in' OR "booking_orders"."checked_in_at" IS NOT NULL) AND ("booking_orders"."status" <> 'no_show' OR "booking_orders"."no_show_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "check_in_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"booking_order_id" text NOT NULL,
	"fulfillment_unit_id" text,
	"code" varchar(64) NOT NULL,
	"status" "check_in_code_status" DEFAULT 'active' NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"used_at" timestamp with time zone,
	"used_by" text,
	"used_device_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "check_in_codes_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "check_in_codes_biz_code_uq" UNIQUE("biz_id","code"),
	CONSTRAINT "check_in_codes_expiry_after_issue" CHECK ("check_in_codes"."expires_at" IS NULL OR "check_in_codes"."expires_at" > "check_in_codes"."issued_at"),
	CONSTRAINT "check_in_codes_used_shape" CHECK (("check_in_codes"."status" = 'used') = ("check_in_codes"."used_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "fulfillment_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"fulfillment_unit_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"role" varchar(120),
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"occupied_start_at" timestamp with time zone,
	"occupied_end_at" timestamp with time zone,
	"conflict_policy" "fulfillment_conflict_policy" DEFAULT 'enforce_no_overlap' NOT NULL,
	"status" "fulfillment_assignment_status" DEFAULT 'proposed' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"compensation_split_bps" integer,
	"assigned_by_user_id" text,
	"assigned_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "fulfillment_assignments_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "fulfillment_assignments_window" CHECK ("fulfillment_assignments"."ends_at" > "fulfillment_assignments"."starts_at"),
	CONSTRAINT "fulfillment_assignments_occupied_window" CHECK (("fulfillment_assignments"."occupied_start_at" IS NULL OR "fulfillment_assignments"."occupied_start_at" <= "fulfillment_assignments"."starts_at") AND ("fulfillment_assignments"."occupied_end_at" IS NULL OR "fulfillment_assignments"."occupied_end_at" >= "fulfillment_assignments"."ends_at")),
	CONSTRAINT "fulfillment_assignments_compensation_bps_range" CHECK ("fulfillment_assignments"."compensation_split_bps" IS NULL OR "fulfillment_assignments"."compensation_split_bps" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "fulfillment_checkpoints" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"fulfillment_unit_id" text NOT NULL,
	"sequence" integer DEFAULT 1 NOT NULL,
	"name" varchar(200) NOT NULL,
	"kind" "fulfillment_checkpoint_kind" DEFAULT 'custom' NOT NULL,
	"status" "fulfillment_checkpoint_status" DEFAULT 'pending' NOT NULL,
	"expected_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" text,
	"device_time" timestamp with time zone,
	"notes" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "fulfillment_checkpoints_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "fulfillment_checkpoints_sequence_positive" CHECK ("fulfillment_checkpoints"."sequence" >= 1),
	CONSTRAINT "fulfillment_checkpoints_done_has_time" CHECK ("fulfillment_checkpoints"."status" <> 'done' OR "fulfillment_checkpoints"."completed_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "fulfillment_dependencies" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"predecessor_unit_id" text NOT NULL,
	"successor_unit_id" text NOT NULL,
	"dependency_type" "fulfillment_dependency_type" NOT NULL,
	"min_gap_min" integer,
	"max_gap_min" integer,
	"hard_block" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "fulfillment_dependencies_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "fulfillment_dependencies_edge_uq" UNIQUE("predecessor_unit_id","successor_unit_id","dependency_type"),
	CONSTRAINT "fulfillment_dependencies_no_self_loop" CHECK ("fulfillment_dependencies"."predecessor_unit_id" <> "fulfillment_dependencies"."successor_unit_id"),
	CONSTRAINT "fulfillment_dependencies_gaps" CHECK (("fulfillment_dependencies"."min_gap_min" IS NULL OR "fulfillment_dependencies"."min_gap_min" >= 0) AND ("fulfillment_dependencies"."max_gap_min" IS NULL OR "fulfillment_dependencies"."max_gap_min" >= 0) AND ("fulfillment_dependencies"."min_gap_min" IS NULL OR "fulfillment_dependencies"."max_gap_min" IS NULL OR "fulfillment_dependencies"."max_gap_min" >= "fulfillment_dependencies"."min_gap_min"))
);
--> statement-breakpoint
CREATE TABLE "fulfillment_units" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"booking_order_id" text NOT NULL,
	"booking_order_line_id" text,
	"offer_component_id" text,
	"kind" "fulfillment_unit_kind" DEFAULT 'service_task' NOT NULL,
	"status" "fulfillment_unit_status" DEFAULT 'planned' NOT NULL,
	"code" varchar(140),
	"sequence" integer DEFAULT 1 NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"actual_start_at" timestamp with time zone,
	"actual_end_at" timestamp with time zone,
	"location_id" text,
	"site_address" text,
	"site_lat" double precision,
	"site_lng" double precision,
	"calendar_binding_id" text,
	"queue_entry_id" varchar(64),
	"transport_trip_id" varchar(64),
	"assignment_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "fulfillment_units_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "fulfillment_units_biz_order_id_uq" UNIQUE("biz_id","booking_order_id","id"),
	CONSTRAINT "fulfillment_units_sequence_positive" CHECK ("fulfillment_units"."sequence" >= 1),
	CONSTRAINT "fulfillment_units_planned_window" CHECK ("fulfillment_units"."starts_at" IS NULL OR "fulfillment_units"."ends_at" IS NULL OR "fulfillment_units"."ends_at" > "fulfillment_units"."starts_at"),
	CONSTRAINT "fulfillment_units_actual_window" CHECK ("fulfillment_units"."actual_start_at" IS NULL OR "fulfillment_units"."actual_end_at" IS NULL OR "fulfillment_units"."actual_end_at" >= "fulfillment_units"."actual_start_at"),
	CONSTRAINT "fulfillment_units_site_coordinates" CHECK ((("fulfillment_units"."site_lat" IS NULL) = ("fulfillment_units"."site_lng" IS NULL)) AND ("fulfillment_units"."site_lat" IS NULL OR ("fulfillment_units"."site_lat" BETWEEN -90 AND 90 AND "fulfillment_units"."site_lng" BETWEEN -180 AND 180)))
);
--> statement-breakpoint
CREATE TABLE "data_residency_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"compliance_profile_id" text,
	"name" varchar(220) NOT NULL,
	"scope" "data_residency_scope" NOT NULL,
	"enforcement_mode" "data_residency_enforcement_mode" DEFAULT 'hard_block' NOT NULL,
	"allowed_regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowed_countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"denied_regions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"denied_countries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"applies_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "data_residency_policies_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "data_residency_policies_lists_are_arrays" CHECK (jsonb_typeof("data_residency_policies"."allowed_regions") = 'array' AND jsonb_typeof("data_residency_policies"."allowed_countries") = 'array' AND jsonb_typeof("data_residency_policies"."denied_regions") = 'array' AND jsonb_typeof("data_residency_policies"."denied_countries") = 'array' AND jsonb_typeof("data_residency_policies"."applies_to") = 'array')
);
--> statement-breakpoint
CREATE TABLE "data_subject_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"request_type" "data_subject_request_type" NOT NULL,
	"status" "data_subject_request_status" DEFAULT 'submitted' NOT NULL,
	"subject_user_id" text,
	"subject_external_ref" varchar(200),
	"submitted_by_user_id" text,
	"verification_method" "data_subject_request_verification_method",
	"verified_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolution_summary" text,
	"request_payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fulfillment_evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "data_subject_requests_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "data_subject_requests_subject_present" CHECK ("data_subject_requests"."subject_user_id" IS NOT NULL OR "data_subject_requests"."subject_external_ref" IS NOT NULL),
	CONSTRAINT "data_subject_requests_verified_shape" CHECK (("data_subject_requests"."verified_at" IS NULL OR "data_subject_requests"."verification_method" IS NOT NULL) AND ("data_subject_requests"."status" NOT IN ('identity_verified', 'processing', 'fulfilled') OR "data_subject_requests"."verified_at" IS NOT NULL)),
	CONSTRAINT "data_subject_requests_resolved_shape" CHECK (("data_subject_requests"."status" IN ('fulfilled', 'denied', 'cancelled')) = ("data_subject_requests"."resolved_at" IS NOT NULL)),
	CONSTRAINT "data_subject_requests_resolution_order" CHECK ("data_subject_requests"."resolved_at" IS NULL OR "data_subject_requests"."verified_at" IS NULL OR "data_subject_requests"."resolved_at" >= "data_subject_requests"."verified_at")
);
--> statement-breakpoint
CREATE TABLE "legal_holds" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"scope" "legal_hold_scope" NOT NULL,
	"offer_id" text,
	"booking_order_id" text,
	"payment_intent_id" text,
	"audit_stream_id" text,
	"target_ref_type" varchar(80),
	"target_record_id" varchar(140),
	"status" "legal_hold_status" DEFAULT 'active' NOT NULL,
	"source_reference" varchar(200),
	"reason" text NOT NULL,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone,
	"issued_by_user_id" text,
	"released_at" timestamp with time zone,
	"released_by_user_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "legal_holds_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "legal_holds_target_shape" CHECK ((("legal_holds"."scope" = 'tenant' AND "legal_holds"."offer_id" IS NULL AND "legal_holds"."booking_order_id" IS NULL AND "legal_holds"."payment_intent_id" IS NULL AND "legal_holds"."audit_stream_id" IS NULL AND "legal_holds"."target_ref_type" IS NULL AND "legal_holds"."target_record_id" IS NULL) OR ("legal_holds"."scope" = 'offer' AND "legal_holds"."offer_id" IS NOT NULL AND "legal_holds"."booking_order_id" IS NULL AND "legal_holds"."payment_intent_id" IS NULL AND "legal_holds"."audit_stream_id" IS NULL AND "legal_holds"."target_ref_type" IS NULL AND "legal_holds"."target_record_id" IS NULL) OR ("legal_holds"."scope" = 'booking_order' AND "legal_holds"."booking_order_id" IS NOT NULL AND "legal_holds"."offer_id" IS NULL AND "legal_holds"."payment_intent_id" IS NULL AND "legal_holds"."audit_stream_id" IS NULL AND "legal_holds"."target_ref_type" IS NULL AND "legal_holds"."target_record_id" IS NULL) OR ("legal_holds"."scope" = 'payment' AND "legal_holds"."payment_intent_id" IS NOT NULL AND "legal_holds"."offer_id" IS NULL AND "legal_holds"."booking_order_id" IS NULL AND "legal_holds"."audit_stream_id" IS NULL AND "legal_holds"."target_ref_type" IS NULL AND "legal_holds"."target_record_id" IS NULL) OR ("legal_holds"."scope" = 'audit_log' AND "legal_holds"."audit_stream_id" IS NOT NULL AND "legal_holds"."offer_id" IS NULL AND "legal_holds"."booking_order_id" IS NULL AND "legal_holds"."payment_intent_id" IS NULL AND "legal_holds"."target_ref_type" IS NULL AND "legal_holds"."target_record_id" IS NULL) OR ("legal_holds"."scope" = 'custom' AND "legal_holds"."target_ref_type" IS NOT NULL AND "legal_holds"."target_record_id" IS NOT NULL AND "legal_holds"."offer_id" IS NULL AND "legal_holds"."booking_order_id" IS NULL AND "legal_holds"."payment_intent_id" IS NULL AND "legal_holds"."audit_stream_id" IS NULL))),
	CONSTRAINT "legal_holds_reason_nonempty" CHECK (length("legal_holds"."reason") > 0),
	CONSTRAINT "legal_holds_window_order" CHECK ("legal_holds"."ends_at" IS NULL OR "legal_holds"."ends_at" > "legal_holds"."starts_at"),
	CONSTRAINT "legal_holds_released_shape" CHECK (("legal_holds"."status" = 'released') = ("legal_holds"."released_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "privacy_identity_modes" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(180) NOT NULL,
	"slug" varchar(120) NOT NULL,
	"mode" "privacy_identity_mode" NOT NULL,
	"sensitivity" "privacy_sensitivity_level" DEFAULT 'moderate' NOT NULL,
	"masking_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"access_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "privacy_identity_modes_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "privacy_identity_modes_slug_nonempty" CHECK (length("privacy_identity_modes"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "redaction_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"data_subject_request_id" text,
	"legal_hold_id" text,
	"target_type" "redaction_target_type" NOT NULL,
	"custom_target_type" varchar(80),
	"target_record_id" varchar(200) NOT NULL,
	"status" "redaction_job_status" DEFAULT 'queued' NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"failure_reason" text,
	"execution_log" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "redaction_jobs_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "redaction_jobs_custom_type_shape" CHECK (("redaction_jobs"."target_type" = 'custom') = ("redaction_jobs"."custom_target_type" IS NOT NULL)),
	CONSTRAINT "redaction_jobs_target_nonempty" CHECK (length("redaction_jobs"."target_record_id") > 0),
	CONSTRAINT "redaction_jobs_started_shape" CHECK ("redaction_jobs"."status" <> 'running' OR "redaction_jobs"."started_at" IS NOT NULL),
	CONSTRAINT "redaction_jobs_completed_shape" CHECK ("redaction_jobs"."status" <> 'completed' OR "redaction_jobs"."completed_at" IS NOT NULL),
	CONSTRAINT "redaction_jobs_failed_shape" CHECK ("redaction_jobs"."status" <> 'failed' OR "redaction_jobs"."failure_reason" IS NOT NULL),
	CONSTRAINT "redaction_jobs_completion_order" CHECK ("redaction_jobs"."completed_at" IS NULL OR "redaction_jobs"."started_at" IS NULL OR "redaction_jobs"."completed_at" >= "redaction_jobs"."started_at"),
	CONSTRAINT "redaction_jobs_start_order" CHECK ("redaction_jobs"."started_at" IS NULL OR "redaction_jobs"."started_at" >= "redaction_jobs"."queued_at")
);
--> statement-breakpoint
CREATE TABLE "retention_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"compliance_profile_id" text,
	"name" varchar(220) NOT NULL,
	"data_class" varchar(140) NOT NULL,
	"interval_value" integer,
	"interval_unit" "retention_interval_unit" NOT NULL,
	"action" "retention_action" NOT NULL,
	"honor_legal_holds" boolean DEFAULT true NOT NULL,
	"minimum_retain_days" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "retention_policies_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "retention_policies_data_class_nonempty" CHECK (length("retention_policies"."data_class") > 0),
	CONSTRAINT "retention_policies_interval_shape" CHECK (("retention_policies"."interval_unit" = 'indefinite' AND "retention_policies"."interval_value" IS NULL) OR ("retention_policies"."interval_unit" <> 'indefinite' AND "retention_policies"."interval_value" IS NOT NULL AND "retention_policies"."interval_value" > 0)),
	CONSTRAINT "retention_policies_minimum_retain_nonneg" CHECK ("retention_policies"."minimum_retain_days" IS NULL OR "retention_policies"."minimum_retain_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tenant_compliance_profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(220) NOT NULL,
	"regime" "compliance_regime" NOT NULL,
	"description" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"policy_snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"evidence_requirements" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"incident_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "tenant_compliance_profiles_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "overtime_forecasts" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"overtime_policy_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"forecast_date" date NOT NULL,
	"status" "overtime_forecast_status" DEFAULT 'projected' NOT NULL,
	"scheduled_minutes" integer DEFAULT 0 NOT NULL,
	"projected_overtime_minutes" integer DEFAULT 0 NOT NULL,
	"projected_overtime_cost_minor" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"mitigation_suggestion" varchar(600),
	"feature_snapshot" jsonb,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "overtime_forecasts_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "overtime_forecasts_policy_resource_date_uq" UNIQUE("overtime_policy_id","resource_id","forecast_date"),
	CONSTRAINT "overtime_forecasts_currency_iso" CHECK ("overtime_forecasts"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "overtime_forecasts_amounts_nonneg" CHECK ("overtime_forecasts"."scheduled_minutes" >= 0 AND "overtime_forecasts"."projected_overtime_minutes" >= 0 AND "overtime_forecasts"."projected_overtime_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "overtime_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"scope" "overtime_policy_scope" NOT NULL,
	"location_id" text,
	"resource_type" "resource_type",
	"resource_id" text,
	"status" "overtime_policy_status" DEFAULT 'active' NOT NULL,
	"daily_threshold_min" integer DEFAULT 480 NOT NULL,
	"weekly_threshold_min" integer DEFAULT 2400 NOT NULL,
	"overtime_rate_bps" integer DEFAULT 15000 NOT NULL,
	"mitigation_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "overtime_policies_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "overtime_policies_scope_shape" CHECK ((("overtime_policies"."scope" = 'biz' AND "overtime_policies"."location_id" IS NULL AND "overtime_policies"."resource_type" IS NULL AND "overtime_policies"."resource_id" IS NULL) OR ("overtime_policies"."scope" = 'location' AND "overtime_policies"."location_id" IS NOT NULL AND "overtime_policies"."resource_type" IS NULL AND "overtime_policies"."resource_id" IS NULL) OR ("overtime_policies"."scope" = 'resource_type' AND "overtime_policies"."resource_type" IS NOT NULL AND "overtime_policies"."location_id" IS NULL AND "overtime_policies"."resource_id" IS NULL) OR ("overtime_policies"."scope" = 'resource' AND "overtime_policies"."resource_id" IS NOT NULL AND "overtime_policies"."location_id" IS NULL AND "overtime_policies"."resource_type" IS NULL))),
	CONSTRAINT "overtime_policies_thresholds_positive" CHECK ("overtime_policies"."daily_threshold_min" > 0 AND "overtime_policies"."weekly_threshold_min" > 0),
	CONSTRAINT "overtime_policies_rate_min" CHECK ("overtime_policies"."overtime_rate_bps" >= 10000)
);
--> statement-breakpoint
CREATE TABLE "ranking_events" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"ranking_profile_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"event_type" "ranking_event_type" NOT NULL,
	"score_delta" integer NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source_ref" varchar(200),
	"details" jsonb,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "ranking_events_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "ranking_profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"status" "lifecycle_status" DEFAULT 'draft' NOT NULL,
	"location_id" text,
	"service_id" text,
	"weights" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "ranking_profiles_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "ranking_scores" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"ranking_profile_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"score" integer DEFAULT 0 NOT NULL,
	"percentile" integer,
	"is_manual_override" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"component_breakdown" jsonb,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "ranking_scores_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "ranking_scores_profile_resource_uq" UNIQUE("ranking_profile_id","resource_id"),
	CONSTRAINT "ranking_scores_score_range" CHECK ("ranking_scores"."score" BETWEEN 0 AND 10000),
	CONSTRAINT "ranking_scores_percentile_range" CHECK ("ranking_scores"."percentile" IS NULL OR "ranking_scores"."percentile" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
CREATE TABLE "substitution_fairness_counters" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"pool_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"window_unit" "substitution_fairness_window_unit" DEFAULT 'month' NOT NULL,
	"window_start" date NOT NULL,
	"offers_count" integer DEFAULT 0 NOT NULL,
	"accepts_count" integer DEFAULT 0 NOT NULL,
	"declines_count" integer DEFAULT 0 NOT NULL,
	"expired_count" integer DEFAULT 0 NOT NULL,
	"covered_minutes" integer DEFAULT 0 NOT NULL,
	"last_offered_at" timestamp with time zone,
	"last_accepted_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "substitution_fairness_counters_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "substitution_fairness_counters_window_uq" UNIQUE("pool_id","resource_id","window_unit","window_start"),
	CONSTRAINT "substitution_fairness_counters_counts_nonneg" CHECK ("substitution_fairness_counters"."offers_count" >= 0 AND "substitution_fairness_counters"."accepts_count" >= 0 AND "substitution_fairness_counters"."declines_count" >= 0 AND "substitution_fairness_counters"."expired_count" >= 0 AND "substitution_fairness_counters"."covered_minutes" >= 0),
	CONSTRAINT "substitution_fairness_counters_answers_le_offers" CHECK ("substitution_fairness_counters"."accepts_count" + "substitution_fairness_counters"."declines_count" + "substitution_fairness_counters"."expired_count" <= "substitution_fairness_counters"."offers_count")
);
--> statement-breakpoint
CREATE TABLE "substitution_offers" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"request_id" text NOT NULL,
	"candidate_resource_id" text NOT NULL,
	"rank" integer DEFAULT 1 NOT NULL,
	"status" "substitution_offer_status" DEFAULT 'pending' NOT NULL,
	"offered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"responded_by_user_id" text,
	"device_time" timestamp with time zone,
	"decline_reason" varchar(500),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "substitution_offers_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "substitution_offers_request_candidate_uq" UNIQUE("request_id","candidate_resource_id"),
	CONSTRAINT "substitution_offers_rank_positive" CHECK ("substitution_offers"."rank" >= 1),
	CONSTRAINT "substitution_offers_responded_shape" CHECK (("substitution_offers"."status" IN ('accepted', 'declined')) = ("substitution_offers"."responded_at" IS NOT NULL)),
	CONSTRAINT "substitution_offers_expires_after_offer" CHECK ("substitution_offers"."expires_at" IS NULL OR "substitution_offers"."expires_at" > "substitution_offers"."offered_at")
);
--> statement-breakpoint
CREATE TABLE "substitution_pool_members" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"pool_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "substitution_pool_members_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "substitution_pool_members_priority_nonneg" CHECK ("substitution_pool_members"."priority" >= 0)
);
--> statement-breakpoint
CREATE TABLE "substitution_pools" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"status" "lifecycle_status" DEFAULT 'active' NOT NULL,
	"location_id" text,
	"service_id" text,
	"offer_strategy" "substitution_offer_strategy" DEFAULT 'broadcast' NOT NULL,
	"offer_ttl_minutes" integer DEFAULT 30 NOT NULL,
	"ranking_profile_id" text,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "substitution_pools_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "substitution_pools_offer_ttl_positive" CHECK ("substitution_pools"."offer_ttl_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "substitution_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"pool_id" text NOT NULL,
	"fulfillment_assignment_id" text NOT NULL,
	"original_resource_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" "substitution_request_status" DEFAULT 'open' NOT NULL,
	"reason" "substitution_reason" DEFAULT 'other' NOT NULL,
	"reason_note" varchar(500),
	"requested_by_user_id" text,
	"expires_at" timestamp with time zone,
	"replacement_resource_id" text,
	"replacement_assignment_id" text,
	"filled_at" timestamp with time zone,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "substitution_requests_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "substitution_requests_window_order" CHECK ("substitution_requests"."ends_at" > "substitution_requests"."starts_at"),
	CONSTRAINT "substitution_requests_filled_shape" CHECK (("substitution_requests"."status" = 'filled') = ("substitution_requests"."replacement_resource_id" IS NOT NULL AND "substitution_requests"."filled_at" IS NOT NULL)),
	CONSTRAINT "substitution_requests_replacement_differs" CHECK ("substitution_requests"."replacement_resource_id" IS NULL OR "substitution_requests"."replacement_resource_id" <> "substitution_requests"."original_resource_id")
);
--> statement-breakpoint
CREATE TABLE "auctions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"target_type" "auction_target_type" DEFAULT 'marketplace_listing' NOT NULL,
	"marketplace_listing_id" text,
	"target_subject_type" varchar(80),
	"target_subject_id" varchar(140),
	"title" varchar(220),
	"status" "auction_status" DEFAULT 'scheduled' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"reserve_price_minor" integer,
	"buy_now_price_minor" integer,
	"min_increment_minor" integer DEFAULT 1 NOT NULL,
	"winning_bid_id" text,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "auctions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "auctions_biz_id_currency_uq" UNIQUE("biz_id","id","currency"),
	CONSTRAINT "auctions_target_shape" CHECK ((("auctions"."target_type" = 'marketplace_listing' AND "auctions"."marketplace_listing_id" IS NOT NULL AND "auctions"."target_subject_type" IS NULL AND "auctions"."target_subject_id" IS NULL) OR ("auctions"."target_type" = 'custom_subject' AND "auctions"."target_subject_type" IS NOT NULL AND "auctions"."target_subject_id" IS NOT NULL AND "auctions"."marketplace_listing_id" IS NULL))),
	CONSTRAINT "auctions_currency_iso" CHECK ("auctions"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "auctions_window_order" CHECK ("auctions"."ends_at" > "auctions"."starts_at"),
	CONSTRAINT "auctions_reserve_nonneg" CHECK ("auctions"."reserve_price_minor" IS NULL OR "auctions"."reserve_price_minor" >= 0),
	CONSTRAINT "auctions_buy_now_nonneg" CHECK ("auctions"."buy_now_price_minor" IS NULL OR "auctions"."buy_now_price_minor" >= 0),
	CONSTRAINT "auctions_buy_now_above_reserve" CHECK ("auctions"."buy_now_price_minor" IS NULL OR "auctions"."reserve_price_minor" IS NULL OR "auctions"."buy_now_price_minor" >= "auctions"."reserve_price_minor"),
	CONSTRAINT "auctions_min_increment_pos" CHECK ("auctions"."min_increment_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "bids" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"auction_id" text NOT NULL,
	"bidder_biz_id" text,
	"bidder_user_id" text,
	"amount_minor" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"status" "bid_status" DEFAULT 'pending' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "bids_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "bids_biz_auction_id_uq" UNIQUE("biz_id","auction_id","id"),
	CONSTRAINT "bids_currency_iso" CHECK ("bids"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "bids_amount_pos" CHECK ("bids"."amount_minor" > 0),
	CONSTRAINT "bids_bidder_present" CHECK ("bids"."bidder_biz_id" IS NOT NULL OR "bids"."bidder_user_id" IS NOT NULL),
	CONSTRAINT "bids_expiry_order" CHECK ("bids"."expires_at" IS NULL OR "bids"."expires_at" > "bids"."submitted_at")
);
--> statement-breakpoint
CREATE TABLE "cross_biz_contracts" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"counterparty_biz_id" text NOT NULL,
	"name" varchar(220) NOT NULL,
	"status" "cross_biz_contract_status" DEFAULT 'draft' NOT NULL,
	"effective_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"terms" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"governance_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "cross_biz_contracts_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "cross_biz_contracts_counterparty_other" CHECK ("cross_biz_contracts"."counterparty_biz_id" <> "cross_biz_contracts"."biz_id"),
	CONSTRAINT "cross_biz_contracts_window_order" CHECK ("cross_biz_contracts"."expires_at" IS NULL OR "cross_biz_contracts"."effective_at" IS NULL OR "cross_biz_contracts"."expires_at" > "cross_biz_contracts"."effective_at")
);
--> statement-breakpoint
CREATE TABLE "cross_biz_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"buyer_biz_id" text NOT NULL,
	"seller_biz_id" text NOT NULL,
	"contract_id" text,
	"offer_version_id" text,
	"booking_order_id" text,
	"status" "cross_biz_order_status" DEFAULT 'draft' NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"total_minor" integer DEFAULT 0 NOT NULL,
	"settlement_due_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "cross_biz_orders_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "cross_biz_orders_currency_iso" CHECK ("cross_biz_orders"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "cross_biz_orders_parties_differ" CHECK ("cross_biz_orders"."buyer_biz_id" <> "cross_biz_orders"."seller_biz_id"),
	CONSTRAINT "cross_biz_orders_owner_is_party" CHECK ("cross_biz_orders"."biz_id" IN ("cross_biz_orders"."buyer_biz_id", "cross_biz_orders"."seller_biz_id")),
	CONSTRAINT "cross_biz_orders_seller_refs_shape" CHECK (("cross_biz_orders"."offer_version_id" IS NULL AND "cross_biz_orders"."booking_order_id" IS NULL) OR "cross_biz_orders"."biz_id" = "cross_biz_orders"."seller_biz_id"),
	CONSTRAINT "cross_biz_orders_total_nonneg" CHECK ("cross_biz_orders"."total_minor" >= 0),
	CONSTRAINT "cross_biz_orders_settlement_order" CHECK ("cross_biz_orders"."settled_at" IS NULL OR "cross_biz_orders"."settlement_due_at" IS NULL OR "cross_biz_orders"."settled_at" >= "cross_biz_orders"."settlement_due_at"),
	CONSTRAINT "cross_biz_orders_settled_shape" CHECK ("cross_biz_orders"."status" <> 'settled' OR "cross_biz_orders"."settled_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "marketplace_listings" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"listing_type" "marketplace_listing_type" NOT NULL,
	"offer_version_id" text,
	"resource_id" text,
	"title" varchar(240) NOT NULL,
	"summary" varchar(1000),
	"status" "marketplace_listing_status" DEFAULT 'draft' NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"base_price_minor" integer DEFAULT 0 NOT NULL,
	"visibility_policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "marketplace_listings_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "marketplace_listings_target_shape" CHECK ((("marketplace_listings"."listing_type" = 'offer_version' AND "marketplace_listings"."offer_version_id" IS NOT NULL AND "marketplace_listings"."resource_id" IS NULL) OR ("marketplace_listings"."listing_type" = 'resource' AND "marketplace_listings"."resource_id" IS NOT NULL AND "marketplace_listings"."offer_version_id" IS NULL) OR ("marketplace_listings"."listing_type" = 'package' AND "marketplace_listings"."resource_id" IS NOT NULL AND "marketplace_listings"."offer_version_id" IS NULL))),
	CONSTRAINT "marketplace_listings_currency_iso" CHECK ("marketplace_listings"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "marketplace_listings_base_price_nonneg" CHECK ("marketplace_listings"."base_price_minor" >= 0),
	CONSTRAINT "marketplace_listings_active_published" CHECK ("marketplace_listings"."status" <> 'active' OR "marketplace_listings"."published_at" IS NOT NULL),
	CONSTRAINT "marketplace_listings_window_order" CHECK ("marketplace_listings"."expires_at" IS NULL OR "marketplace_listings"."published_at" IS NULL OR "marketplace_listings"."expires_at" > "marketplace_listings"."published_at")
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"referral_program_id" text NOT NULL,
	"event_type" "referral_event_type" NOT NULL,
	"referrer_user_id" text,
	"referred_user_id" text,
	"booking_order_id" text,
	"cross_biz_order_id" text,
	"event_at" timestamp with time zone DEFAULT now() NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_key" varchar(140),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "referral_events_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "referral_events_biz_program_id_uq" UNIQUE("biz_id","referral_program_id","id"),
	CONSTRAINT "referral_events_not_self_referral" CHECK ("referral_events"."referrer_user_id" IS NULL OR "referral_events"."referred_user_id" IS NULL OR "referral_events"."referrer_user_id" <> "referral_events"."referred_user_id")
);
--> statement-breakpoint
CREATE TABLE "referral_programs" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(220) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "referral_programs_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "referral_programs_slug_nonempty" CHECK (length("referral_programs"."slug") > 0),
	CONSTRAINT "referral_programs_window_order" CHECK ("referral_programs"."ends_at" IS NULL OR "referral_programs"."starts_at" IS NULL OR "referral_programs"."ends_at" > "referral_programs"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "revenue_share_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"contract_id" text,
	"marketplace_listing_id" text,
	"counterparty_biz_id" text,
	"rule_type" "revenue_share_rule_type" NOT NULL,
	"percent_bps" integer,
	"amount_minor" integer,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"tier_model" jsonb,
	"is_active" boolean DEFAULT true NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "revenue_share_rules_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "revenue_share_rules_amount_shape" CHECK ((("revenue_share_rules"."rule_type" = 'fixed_percent' AND "revenue_share_rules"."percent_bps" IS NOT NULL AND "revenue_share_rules"."amount_minor" IS NULL AND "revenue_share_rules"."tier_model" IS NULL) OR ("revenue_share_rules"."rule_type" = 'fixed_amount' AND "revenue_share_rules"."amount_minor" IS NOT NULL AND "revenue_share_rules"."percent_bps" IS NULL AND "revenue_share_rules"."tier_model" IS NULL) OR ("revenue_share_rules"."rule_type" = 'tiered' AND "revenue_share_rules"."tier_model" IS NOT NULL AND "revenue_share_rules"."percent_bps" IS NULL AND "revenue_share_rules"."amount_minor" IS NULL))),
	CONSTRAINT "revenue_share_rules_currency_iso" CHECK ("revenue_share_rules"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "revenue_share_rules_anchor_present" CHECK ("revenue_share_rules"."contract_id" IS NOT NULL OR "revenue_share_rules"."marketplace_listing_id" IS NOT NULL),
	CONSTRAINT "revenue_share_rules_counterparty_other" CHECK ("revenue_share_rules"."counterparty_biz_id" IS NULL OR "revenue_share_rules"."counterparty_biz_id" <> "revenue_share_rules"."biz_id"),
	CONSTRAINT "revenue_share_rules_percent_range" CHECK ("revenue_share_rules"."percent_bps" IS NULL OR "revenue_share_rules"."percent_bps" BETWEEN 0 AND 10000),
	CONSTRAINT "revenue_share_rules_amount_nonneg" CHECK ("revenue_share_rules"."amount_minor" IS NULL OR "revenue_share_rules"."amount_minor" >= 0),
	CONSTRAINT "revenue_share_rules_tier_model_array" CHECK ("revenue_share_rules"."tier_model" IS NULL OR jsonb_typeof("revenue_share_rules"."tier_model") = 'array'),
	CONSTRAINT "revenue_share_rules_priority_nonneg" CHECK ("revenue_share_rules"."priority" >= 0)
);
--> statement-breakpoint
CREATE TABLE "reward_grants" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"referral_program_id" text NOT NULL,
	"referral_event_id" text NOT NULL,
	"recipient_user_id" text NOT NULL,
	"status" "referral_reward_status" DEFAULT 'pending' NOT NULL,
	"reward_type" "referral_reward_type" NOT NULL,
	"amount_minor" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"granted_at" timestamp with time zone,
	"reversed_at" timestamp with time zone,
	"payout_reference" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "reward_grants_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "reward_grants_currency_iso" CHECK ("reward_grants"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "reward_grants_amount_nonneg" CHECK ("reward_grants"."amount_minor" >= 0),
	CONSTRAINT "reward_grants_granted_shape" CHECK ("reward_grants"."status" <> 'granted' OR "reward_grants"."granted_at" IS NOT NULL),
	CONSTRAINT "reward_grants_reversed_shape" CHECK ("reward_grants"."status" <> 'reversed' OR "reward_grants"."reversed_at" IS NOT NULL),
	CONSTRAINT "reward_grants_reversal_order" CHECK ("reward_grants"."reversed_at" IS NULL OR "reward_grants"."granted_at" IS NULL OR "reward_grants"."reversed_at" >= "reward_grants"."granted_at")
);
--> statement-breakpoint
CREATE TABLE "note_access_overrides" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"note_id" text NOT NULL,
	"user_id" text NOT NULL,
	"can_read" boolean DEFAULT true NOT NULL,
	"can_edit" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone,
	"reason" varchar(500),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "note_access_overrides_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "note_access_overrides_edit_implies_read" CHECK (NOT "note_access_overrides"."can_edit" OR "note_access_overrides"."can_read"),
	CONSTRAINT "note_access_overrides_expires_after_created" CHECK ("note_access_overrides"."expires_at" IS NULL OR "note_access_overrides"."expires_at" > "note_access_overrides"."created_at")
);
--> statement-breakpoint
CREATE TABLE "note_revisions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"note_id" text NOT NULL,
	"revision" integer NOT NULL,
	"base_revision" integer,
	"title" varchar(200),
	"body" text NOT NULL,
	"diff" jsonb,
	"edited_by_user_id" text,
	"device_time" timestamp with time zone,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" varchar(500),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "note_revisions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "note_revisions_note_revision_uq" UNIQUE("note_id","revision"),
	CONSTRAINT "note_revisions_revision_positive" CHECK ("note_revisions"."revision" >= 1),
	CONSTRAINT "note_revisions_base_revision_order" CHECK ("note_revisions"."base_revision" IS NULL OR ("note_revisions"."base_revision" >= 1 AND "note_revisions"."base_revision" < "note_revisions"."revision"))
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"subject_type" "note_subject_type" NOT NULL,
	"booking_order_id" text,
	"fulfillment_unit_id" text,
	"resource_id" text,
	"customer_user_id" text,
	"offer_id" text,
	"offer_version_id" text,
	"queue_entry_id" text,
	"trip_id" text,
	"custom_subject_id" text,
	"title" varchar(200),
	"body" text NOT NULL,
	"visibility" "note_visibility" DEFAULT 'private' NOT NULL,
	"status" "note_status" DEFAULT 'active' NOT NULL,
	"source_type" "note_source_type" DEFAULT 'user' NOT NULL,
	"source_ref" varchar(200),
	"author_user_id" text,
	"device_time" timestamp with time zone,
	"pinned" boolean DEFAULT false NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"edited_by_user_id" text,
	"edited_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "notes_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "notes_subject_shape" CHECK ((("notes"."subject_type" = 'booking_order' AND "notes"."booking_order_id" IS NOT NULL AND "notes"."fulfillment_unit_id" IS NULL AND "notes"."resource_id" IS NULL AND "notes"."customer_user_id" IS NULL AND "notes"."offer_id" IS NULL AND "notes"."offer_version_id" IS NULL AND "notes"."queue_entry_id" IS NULL AND "notes"."trip_id" IS NULL AND "notes"."custom_subject_id" IS NULL) OR ("notes"."subject_type" = 'fulfillment_unit' AND "notes"."fulfillment_unit_id" IS NOT NULL AND "notes"."booking_order_id" IS NULL AND "notes"."resource_id" IS NULL AND "notes"."customer_user_id" IS NULL AND "notes"."offer_id" IS NULL AND "notes"."offer_version_id" IS NULL AND "notes"."queue_entry_id" IS NULL AND "notes"."trip_id" IS NULL AND "notes"."custom_subject_id" IS NULL) OR ("notes"."subject_type" = 'resource' AND "notes"."resource_id" IS NOT NULL AND "notes"."booking_order_id" IS NULL AND "notes"."fulfillment_unit_id" IS NULL AND "notes"."customer_user_id" IS NULL AND "notes"."offer_id" IS NULL AND "notes"."offer_version_id" IS NULL AND "notes"."queue_entry_id" IS NULL AND "notes"."trip_id" IS NULL AND "notes"."custom_subject_id" IS NULL) OR ("notes"."subject_type" = 'customer_user' AND "notes"."customer_user_id" IS NOT NULL AND "notes"."booking_order_id" IS NULL AND "notes"."fulfillment_unit_id" IS NULL AND "notes"."resource_id" IS NULL AND "notes"."offer_id" IS NULL AND "notes"."offer_version_id" IS NULL AND "notes"."queue_entry_id" IS NULL AND "notes"."trip_id" IS NULL AND "notes"."custom_subject_id" IS NULL) OR ("notes"."subject_type" = 'offer' AND "notes"."offer_id" IS NOT NULL AND "notes"."booking_order_id" IS NULL AND "notes"."fulfillment_unit_id" IS NULL AND "notes"."resource_id" IS NULL AND "notes"."customer_user_id" IS NULL AND "notes"."offer_version_id" IS NULL AND "notes"."queue_entry_id" IS NULL AND "notes"."trip_id" IS NULL AND "notes"."custom_subject_id" IS NULL) OR ("notes"."subject_type" = 'offer_version' AND "notes"."offer_version_id" IS NOT NULL AND "notes"."booking_order_id" IS NULL AND "notes"."fulfillment_unit_id" IS NULL AND "notes"."resource_id" IS NULL AND "notes"."customer_user_id" IS NULL AND "notes"."offer_id" IS NULL AND "notes"."queue_entry_id" IS NULL AND "notes"."trip_id" IS NULL AND "notes"."custom_subject_id" IS NULL) OR ("notes"."subject_type" = 'queue_entry' AND "notes"."queue_entry_id" IS NOT NULL AND "notes"."booking_order_id" IS NULL AND "notes"."fulfillment_unit_id" IS NULL AND "notes"."resource_id" IS NULL AND "notes"."customer_user_id" IS NULL AND "notes"."offer_id" IS NULL AND "notes"."offer_version_id" IS NULL AND "notes"."trip_id" IS NULL AND "notes"."custom_subject_id" IS NULL) OR ("notes"."subject_type" = 'trip' AND "notes"."trip_id" IS NOT NULL AND "notes"."booking_order_id" IS NULL AND "notes"."fulfillment_unit_id" IS NULL AND "notes"."resource_id" IS NULL AND "notes"."customer_user_id" IS NULL AND "notes"."offer_id" IS NULL AND "notes"."offer_version_id" IS NULL AND "notes"."queue_entry_id" IS NULL AND "notes"."custom_subject_id" IS NULL) OR ("notes"."subject_type" = 'custom_subject' AND "notes"."custom_subject_id" IS NOT NULL AND "notes"."booking_order_id" IS NULL AND "notes"."fulfillment_unit_id" IS NULL AND "notes"."resource_id" IS NULL AND "notes"."customer_user_id" IS NULL AND "notes"."offer_id" IS NULL AND "notes"."offer_version_id" IS NULL AND "notes"."queue_entry_id" IS NULL AND "notes"."trip_id" IS NULL))),
	CONSTRAINT "notes_revision_positive" CHECK ("notes"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "offer_component_seat_types" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"offer_version_id" text NOT NULL,
	"component_id" text,
	"code" varchar(100) NOT NULL,
	"name" varchar(150) NOT NULL,
	"description" text,
	"min_seats" integer DEFAULT 0 NOT NULL,
	"max_seats" integer,
	"default_seats" integer DEFAULT 0 NOT NULL,
	"pricing_mode" "offer_seat_pricing_mode" DEFAULT 'included' NOT NULL,
	"price_delta_minor" integer,
	"price_multiplier_bps" integer,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "offer_component_seat_types_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "offer_component_seat_types_seat_bounds" CHECK ("offer_component_seat_types"."min_seats" >= 0 AND "offer_component_seat_types"."default_seats" >= "offer_component_seat_types"."min_seats" AND ("offer_component_seat_types"."max_seats" IS NULL OR ("offer_component_seat_types"."max_seats" >= "offer_component_seat_types"."min_seats" AND "offer_component_seat_types"."default_seats" <= "offer_component_seat_types"."max_seats"))),
	CONSTRAINT "offer_component_seat_types_pricing_shape" CHECK (("offer_component_seat_types"."pricing_mode" = 'included' AND "offer_component_seat_types"."price_delta_minor" IS NULL AND "offer_component_seat_types"."price_multiplier_bps" IS NULL) OR ("offer_component_seat_types"."pricing_mode" = 'surcharge' AND "offer_component_seat_types"."price_delta_minor" IS NOT NULL AND "offer_component_seat_types"."price_multiplier_bps" IS NULL) OR ("offer_component_seat_types"."pricing_mode" = 'multiplier' AND "offer_component_seat_types"."price_multiplier_bps" IS NOT NULL AND "offer_component_seat_types"."price_delta_minor" IS NULL)),
	CONSTRAINT "offer_component_seat_types_multiplier_positive" CHECK ("offer_component_seat_types"."price_multiplier_bps" IS NULL OR "offer_component_seat_types"."price_multiplier_bps" > 0)
);
--> statement-breakpoint
CREATE TABLE "offer_component_selectors" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"component_id" text NOT NULL,
	"selector_type" "resource_selector_type" NOT NULL,
	"resource_id" text,
	"resource_type" "resource_type",
	"capability_template_id" text,
	"location_id" text,
	"subject_id" text,
	"weight" integer DEFAULT 100 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "offer_component_selectors_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "offer_component_selectors_selector_shape" CHECK ((("offer_component_selectors"."selector_type" = 'any' AND "offer_component_selectors"."resource_id" IS NULL AND "offer_component_selectors"."resource_type" IS NULL AND "offer_component_selectors"."capability_template_id" IS NULL AND "offer_component_selectors"."location_id" IS NULL AND "offer_component_selectors"."subject_id" IS NULL) OR ("offer_component_selectors"."selector_type" = 'resource' AND "offer_component_selectors"."resource_id" IS NOT NULL AND "offer_component_selectors"."resource_type" IS NULL AND "offer_component_selectors"."capability_template_id" IS NULL AND "offer_component_selectors"."location_id" IS NULL AND "offer_component_selectors"."subject_id" IS NULL) OR ("offer_component_selectors"."selector_type" = 'resource_type' AND "offer_component_selectors"."resource_type" IS NOT NULL AND "offer_component_selectors"."resource_id" IS NULL AND "offer_component_selectors"."capability_template_id" IS NULL AND "offer_component_selectors"."location_id" IS NULL AND "offer_component_selectors"."subject_id" IS NULL) OR ("offer_component_selectors"."selector_type" = 'capability_template' AND "offer_component_selectors"."capability_template_id" IS NOT NULL AND "offer_component_selectors"."resource_id" IS NULL AND "offer_component_selectors"."resource_type" IS NULL AND "offer_component_selectors"."location_id" IS NULL AND "offer_component_selectors"."subject_id" IS NULL) OR ("offer_component_selectors"."selector_type" = 'location' AND "offer_component_selectors"."location_id" IS NOT NULL AND "offer_component_selectors"."resource_id" IS NULL AND "offer_component_selectors"."resource_type" IS NULL AND "offer_component_selectors"."capability_template_id" IS NULL AND "offer_component_selectors"."subject_id" IS NULL) OR ("offer_component_selectors"."selector_type" = 'custom_subject' AND "offer_component_selectors"."subject_id" IS NOT NULL AND "offer_component_selectors"."resource_id" IS NULL AND "offer_component_selectors"."resource_type" IS NULL AND "offer_component_selectors"."capability_template_id" IS NULL AND "offer_component_selectors"."location_id" IS NULL)))
);
--> statement-breakpoint
CREATE TABLE "offer_components" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"offer_version_id" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"target_type" "resource_type" NOT NULL,
	"mode" "requirement_mode" DEFAULT 'required' NOT NULL,
	"selector_match_mode" "selector_match_mode" DEFAULT 'any' NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"max_quantity" integer,
	"allow_substitution" boolean DEFAULT true NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "offer_components_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "offer_components_biz_version_id_uq" UNIQUE("biz_id","offer_version_id","id"),
	CONSTRAINT "offer_components_quantity_bounds" CHECK ("offer_components"."min_quantity" >= 0 AND ("offer_components"."max_quantity" IS NULL OR "offer_components"."max_quantity" >= "offer_components"."min_quantity")),
	CONSTRAINT "offer_components_required_needs_quantity" CHECK ("offer_components"."mode" = 'optional' OR "offer_components"."min_quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "offer_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"offer_id" text NOT NULL,
	"version" integer NOT NULL,
	"status" "offer_version_status" DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"retire_at" timestamp with time zone,
	"duration_mode" "duration_mode" DEFAULT 'fixed' NOT NULL,
	"duration_min" integer DEFAULT 60 NOT NULL,
	"min_duration_min" integer,
	"max_duration_min" integer,
	"duration_step_min" integer DEFAULT 15 NOT NULL,
	"capacity" integer,
	"base_price_minor" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"pricing_model" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"policy_model" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"capacity_model" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"revision_hash" varchar(128),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "offer_versions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "offer_versions_biz_offer_id_uq" UNIQUE("biz_id","offer_id","id"),
	CONSTRAINT "offer_versions_offer_version_uq" UNIQUE("offer_id","version"),
	CONSTRAINT "offer_versions_version_positive" CHECK ("offer_versions"."version" >= 1),
	CONSTRAINT "offer_versions_window" CHECK ("offer_versions"."retire_at" IS NULL OR "offer_versions"."publish_at" IS NULL OR "offer_versions"."retire_at" > "offer_versions"."publish_at"),
	CONSTRAINT "offer_versions_duration_positive" CHECK ("offer_versions"."duration_min" > 0 AND "offer_versions"."duration_step_min" > 0),
	CONSTRAINT "offer_versions_duration_bounds" CHECK (("offer_versions"."min_duration_min" IS NULL OR "offer_versions"."min_duration_min" > 0) AND ("offer_versions"."max_duration_min" IS NULL OR "offer_versions"."max_duration_min" > 0) AND ("offer_versions"."min_duration_min" IS NULL OR "offer_versions"."max_duration_min" IS NULL OR "offer_versions"."max_duration_min" >= "offer_versions"."min_duration_min")),
	CONSTRAINT "offer_versions_duration_mode_shape" CHECK (("offer_versions"."duration_mode" = 'fixed') OR ("offer_versions"."duration_mode" = 'flexible' AND "offer_versions"."min_duration_min" IS NOT NULL AND "offer_versions"."max_duration_min" IS NOT NULL) OR ("offer_versions"."duration_mode" = 'multi_day' AND "offer_versions"."duration_min" >= 1440)),
	CONSTRAINT "offer_versions_capacity_positive" CHECK ("offer_versions"."capacity" IS NULL OR "offer_versions"."capacity" > 0),
	CONSTRAINT "offer_versions_base_price_nonneg" CHECK ("offer_versions"."base_price_minor" >= 0),
	CONSTRAINT "offer_versions_currency_iso" CHECK ("offer_versions"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(255) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"description" text,
	"execution_mode" "offer_execution_mode" NOT NULL,
	"status" "offer_status" DEFAULT 'draft' NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"timezone" varchar(50) DEFAULT 'UTC' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "offers_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "offers_slug_nonempty" CHECK (length("offers"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_disputes" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"payment_intent_id" text NOT NULL,
	"payment_transaction_id" text,
	"stripe_dispute_id" varchar(255) NOT NULL,
	"status" "payment_dispute_status" DEFAULT 'needs_response' NOT NULL,
	"amount_minor" integer NOT NULL,
	"fee_minor" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"reason" text,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"evidence_due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outcome" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "payment_disputes_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "payment_disputes_currency_iso" CHECK ("payment_disputes"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payment_disputes_amounts_valid" CHECK ("payment_disputes"."amount_minor" > 0 AND "payment_disputes"."fee_minor" >= 0),
	CONSTRAINT "payment_disputes_resolved_after_opened" CHECK ("payment_disputes"."resolved_at" IS NULL OR "payment_disputes"."resolved_at" >= "payment_disputes"."opened_at")
);
--> statement-breakpoint
CREATE TABLE "payment_intent_tenders" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"payment_intent_id" text NOT NULL,
	"tender_type" "payment_tender_type" NOT NULL,
	"status" "payment_tender_status" DEFAULT 'pending' NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"amount_minor" integer NOT NULL,
	"amount_refunded_minor" integer DEFAULT 0 NOT NULL,
	"payment_method_id" text,
	"entitlement_wallet_id" text,
	"stripe_payment_intent_id" varchar(255),
	"received_offline" boolean DEFAULT false NOT NULL,
	"failure_code" varchar(120),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "payment_intent_tenders_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "payment_intent_tenders_biz_intent_id_uq" UNIQUE("biz_id","payment_intent_id","id"),
	CONSTRAINT "payment_intent_tenders_currency_iso" CHECK ("payment_intent_tenders"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payment_intent_tenders_amounts_valid" CHECK ("payment_intent_tenders"."amount_minor" > 0 AND "payment_intent_tenders"."amount_refunded_minor" >= 0 AND "payment_intent_tenders"."amount_refunded_minor" <= "payment_intent_tenders"."amount_minor"),
	CONSTRAINT "payment_intent_tenders_wallet_shape" CHECK (("payment_intent_tenders"."tender_type" <> 'entitlement_credit' OR "payment_intent_tenders"."entitlement_wallet_id" IS NOT NULL) AND ("payment_intent_tenders"."entitlement_wallet_id" IS NULL OR "payment_intent_tenders"."tender_type" IN ('entitlement_credit', 'gift'))),
	CONSTRAINT "payment_intent_tenders_offline_not_card" CHECK (NOT ("payment_intent_tenders"."received_offline" AND "payment_intent_tenders"."tender_type" = 'card'))
);
--> statement-breakpoint
CREATE TABLE "payment_intents" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"booking_order_id" text,
	"cross_biz_order_id" text,
	"status" "payment_intent_status" DEFAULT 'requires_payment' NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"amount_minor" integer NOT NULL,
	"amount_paid_minor" integer DEFAULT 0 NOT NULL,
	"amount_refunded_minor" integer DEFAULT 0 NOT NULL,
	"stripe_payment_intent_id" varchar(255),
	"description" varchar(500),
	"paid_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "payment_intents_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "payment_intents_currency_iso" CHECK ("payment_intents"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payment_intents_amounts_valid" CHECK ("payment_intents"."amount_minor" >= 0 AND "payment_intents"."amount_paid_minor" >= 0 AND "payment_intents"."amount_refunded_minor" >= 0 AND "payment_intents"."amount_refunded_minor" <= "payment_intents"."amount_paid_minor"),
	CONSTRAINT "payment_intents_one_order" CHECK (num_nonnulls("payment_intents"."booking_order_id", "payment_intents"."cross_biz_order_id") <= 1)
);
--> statement-breakpoint
CREATE TABLE "payment_methods" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"owner_user_id" text,
	"owner_group_account_id" text,
	"type" "payment_method_type" NOT NULL,
	"provider" varchar(80) NOT NULL,
	"provider_method_ref" varchar(200) NOT NULL,
	"label" varchar(120),
	"card_brand" varchar(40),
	"card_last4" varchar(4),
	"card_exp_month" integer,
	"card_exp_year" integer,
	"is_default" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "payment_methods_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "payment_methods_card_exp_month_range" CHECK ("payment_methods"."card_exp_month" IS NULL OR "payment_methods"."card_exp_month" BETWEEN 1 AND 12),
	CONSTRAINT "payment_methods_card_exp_year_range" CHECK ("payment_methods"."card_exp_year" IS NULL OR "payment_methods"."card_exp_year" >= 2000),
	CONSTRAINT "payment_methods_card_last4_shape" CHECK ("payment_methods"."card_last4" IS NULL OR "payment_methods"."card_last4" ~ '^[0-9]{4}$')
);
--> statement-breakpoint
CREATE TABLE "payment_transactions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"payment_intent_id" text NOT NULL,
	"tender_id" text,
	"type" "payment_transaction_type" NOT NULL,
	"status" "payment_transaction_status" DEFAULT 'succeeded' NOT NULL,
	"amount_minor" integer NOT NULL,
	"fee_minor" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stripe_object_id" varchar(255),
	"reverses_transaction_id" text,
	"reason" text,
	"failure_code" varchar(120),
	"provider_payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "payment_transactions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "payment_transactions_biz_intent_id_uq" UNIQUE("biz_id","payment_intent_id","id"),
	CONSTRAINT "payment_transactions_currency_iso" CHECK ("payment_transactions"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payment_transactions_amounts_nonneg" CHECK ("payment_transactions"."amount_minor" >= 0 AND "payment_transactions"."fee_minor" >= 0),
	CONSTRAINT "payment_transactions_not_self_reversal" CHECK ("payment_transactions"."reverses_transaction_id" IS DISTINCT FROM "payment_transactions"."id")
);
--> statement-breakpoint
CREATE TABLE "payout_ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"payout_id" text NOT NULL,
	"settlement_entry_id" text,
	"entry_type" "payout_ledger_entry_type" NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"stripe_balance_transaction_id" varchar(255),
	"description" varchar(500),
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "payout_ledger_entries_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "payout_ledger_entries_currency_iso" CHECK ("payout_ledger_entries"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payout_ledger_entries_amount_nonneg" CHECK ("payout_ledger_entries"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"settlement_batch_id" text,
	"status" "payout_status" DEFAULT 'pending' NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"amount_minor" integer NOT NULL,
	"destination_ref" varchar(200),
	"stripe_payout_id" varchar(255),
	"initiated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expected_arrival_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"failure_reason" varchar(400),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "payouts_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "payouts_currency_iso" CHECK ("payouts"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "payouts_amount_positive" CHECK ("payouts"."amount_minor" > 0),
	CONSTRAINT "payouts_paid_after_initiated" CHECK ("payouts"."paid_at" IS NULL OR "payouts"."paid_at" >= "payouts"."initiated_at"),
	CONSTRAINT "payouts_failed_after_initiated" CHECK ("payouts"."failed_at" IS NULL OR "payouts"."failed_at" >= "payouts"."initiated_at")
);
--> statement-breakpoint
CREATE TABLE "settlement_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(220) NOT NULL,
	"status" "settlement_batch_status" DEFAULT 'open' NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"period_start_at" timestamp with time zone NOT NULL,
	"period_end_at" timestamp with time zone NOT NULL,
	"gross_minor" integer DEFAULT 0 NOT NULL,
	"fees_minor" integer DEFAULT 0 NOT NULL,
	"net_minor" integer DEFAULT 0 NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"payout_due_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"stripe_payout_id" varchar(255),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "settlement_batches_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "settlement_batches_currency_iso" CHECK ("settlement_batches"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "settlement_batches_period_order" CHECK ("settlement_batches"."period_end_at" > "settlement_batches"."period_start_at"),
	CONSTRAINT "settlement_batches_amounts_valid" CHECK ("settlement_batches"."fees_minor" >= 0 AND "settlement_batches"."entry_count" >= 0 AND "settlement_batches"."net_minor" = "settlement_batches"."gross_minor" - "settlement_batches"."fees_minor")
);
--> statement-breakpoint
CREATE TABLE "settlement_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"settlement_batch_id" text NOT NULL,
	"payment_transaction_id" text,
	"booking_order_id" text,
	"cross_biz_order_id" text,
	"entry_type" "settlement_entry_type" NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"stripe_balance_transaction_id" varchar(255),
	"description" varchar(500),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "settlement_entries_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "settlement_entries_currency_iso" CHECK ("settlement_entries"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "settlement_entries_amount_nonzero" CHECK ("settlement_entries"."amount_minor" <> 0),
	CONSTRAINT "settlement_entries_source_shape" CHECK ("settlement_entries"."entry_type" IN ('fee', 'adjustment') OR "settlement_entries"."payment_transaction_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "queue_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"queue_id" text NOT NULL,
	"customer_user_id" text,
	"customer_group_account_id" text,
	"customer_name" varchar(200),
	"service_id" text,
	"requested_offer_version_id" text,
	"requested_start_at" timestamp with time zone,
	"booking_order_id" text,
	"fulfillment_unit_id" text,
	"status" "queue_entry_status" DEFAULT 'waiting' NOT NULL,
	"priority_score" integer DEFAULT 0 NOT NULL,
	"display_code" varchar(60),
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"estimated_start_at" timestamp with time zone,
	"estimated_wait_min" integer,
	"offered_at" timestamp with time zone,
	"offer_expires_at" timestamp with time zone,
	"served_at" timestamp with time zone,
	"decision_state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "queue_entries_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "queue_entries_biz_id_queue_uq" UNIQUE("biz_id","id","queue_id"),
	CONSTRAINT "queue_entries_customer_present" CHECK (num_nonnulls("queue_entries"."customer_user_id", "queue_entries"."customer_group_account_id", "queue_entries"."customer_name") >= 1),
	CONSTRAINT "queue_entries_estimate_nonneg" CHECK ("queue_entries"."estimated_wait_min" IS NULL OR "queue_entries"."estimated_wait_min" >= 0),
	CONSTRAINT "queue_entries_offer_window" CHECK ("queue_entries"."offer_expires_at" IS NULL OR ("queue_entries"."offered_at" IS NOT NULL AND "queue_entries"."offer_expires_at" > "queue_entries"."offered_at"))
);
--> statement-breakpoint
CREATE TABLE "queue_events" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"queue_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"queue_entry_id" text,
	"event_type" "queue_event_type" DEFAULT 'status_changed' NOT NULL,
	"from_status" "queue_ticket_status",
	"to_status" "queue_ticket_status" NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"device_id" text,
	"resource_id" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "queue_events_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"queue_id" text NOT NULL,
	"queue_entry_id" text,
	"service_date" date NOT NULL,
	"ticket_number" integer NOT NULL,
	"customer_name" varchar(200),
	"customer_user_id" text,
	"service_id" text,
	"status" "queue_ticket_status" DEFAULT 'waiting' NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by_device_id" text,
	"called_at" timestamp with time zone,
	"serving_started_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"assigned_resource_id" text,
	"booking_order_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "queue_tickets_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "queue_tickets_biz_id_queue_uq" UNIQUE("biz_id","id","queue_id"),
	CONSTRAINT "queue_tickets_number_uq" UNIQUE("biz_id","queue_id","service_date","ticket_number"),
	CONSTRAINT "queue_tickets_ticket_number_positive" CHECK ("queue_tickets"."ticket_number" > 0),
	CONSTRAINT "queue_tickets_status_times" CHECK (("queue_tickets"."status" <> 'called' OR "queue_tickets"."called_at" IS NOT NULL) AND ("queue_tickets"."status" <> 'serving' OR "queue_tickets"."serving_started_at" IS NOT NULL) AND ("queue_tickets"."status" <> 'done' OR "queue_tickets"."done_at" IS NOT NULL) AND ("queue_tickets"."status" <> 'left' OR "queue_tickets"."left_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "queues" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"location_id" text NOT NULL,
	"service_id" text,
	"name" varchar(200) NOT NULL,
	"slug" varchar(140),
	"description" varchar(600),
	"strategy" "queue_strategy" DEFAULT 'fifo' NOT NULL,
	"status" "queue_status" DEFAULT 'active' NOT NULL,
	"calendar_binding_id" text,
	"avg_service_min" integer,
	"is_self_join_enabled" boolean DEFAULT true NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "queues_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "queues_avg_service_positive" CHECK ("queues"."avg_service_min" IS NULL OR "queues"."avg_service_min" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_time_observations" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"queue_id" text NOT NULL,
	"ticket_id" text,
	"resource_id" text,
	"service_id" text,
	"offer_version_id" text,
	"fulfillment_unit_id" text,
	"source" "service_time_observation_source" DEFAULT 'actual' NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"duration_sec" integer NOT NULL,
	"observed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"features" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "service_time_observations_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "service_time_observations_duration_positive" CHECK ("service_time_observations"."duration_sec" > 0),
	CONSTRAINT "service_time_observations_window_order" CHECK ("service_time_observations"."started_at" IS NULL OR "service_time_observations"."ended_at" IS NULL OR "service_time_observations"."ended_at" > "service_time_observations"."started_at")
);
--> statement-breakpoint
CREATE TABLE "wait_time_predictions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"queue_id" text NOT NULL,
	"ticket_id" text,
	"queue_entry_id" text,
	"predicted_wait_min" integer NOT NULL,
	"predicted_wait_low_min" integer,
	"predicted_wait_high_min" integer,
	"people_ahead" integer,
	"method" varchar(40) DEFAULT 'heuristic' NOT NULL,
	"inputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"predicted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "wait_time_predictions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "wait_time_predictions_values_nonneg" CHECK ("wait_time_predictions"."predicted_wait_min" >= 0 AND ("wait_time_predictions"."people_ahead" IS NULL OR "wait_time_predictions"."people_ahead" >= 0)),
	CONSTRAINT "wait_time_predictions_range_order" CHECK (("wait_time_predictions"."predicted_wait_low_min" IS NULL OR "wait_time_predictions"."predicted_wait_low_min" >= 0) AND ("wait_time_predictions"."predicted_wait_high_min" IS NULL OR "wait_time_predictions"."predicted_wait_low_min" IS NULL OR "wait_time_predictions"."predicted_wait_high_min" >= "wait_time_predictions"."predicted_wait_low_min"))
);
--> statement-breakpoint
CREATE TABLE "stripe_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"stripe_account_id" varchar(255) NOT NULL,
	"account_type" varchar(30) DEFAULT 'express' NOT NULL,
	"country" varchar(2),
	"default_currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"charges_enabled" boolean DEFAULT false NOT NULL,
	"payouts_enabled" boolean DEFAULT false NOT NULL,
	"details_submitted" boolean DEFAULT false NOT NULL,
	"is_default_for_charges" boolean DEFAULT false NOT NULL,
	"is_default_for_payouts" boolean DEFAULT false NOT NULL,
	"requirements_current_deadline" timestamp with time zone,
	"requirements" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"capabilities" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"business_profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "stripe_accounts_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "stripe_accounts_default_currency_iso" CHECK ("stripe_accounts"."default_currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "stripe_accounts_account_type" CHECK ("stripe_accounts"."account_type" IN ('standard', 'express', 'custom')),
	CONSTRAINT "stripe_accounts_country_shape" CHECK ("stripe_accounts"."country" IS NULL OR "stripe_accounts"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "stripe_checkout_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"booking_order_id" text,
	"cross_biz_order_id" text,
	"payment_intent_id" text,
	"stripe_customer_ref_id" text,
	"stripe_account_ref_id" text,
	"stripe_checkout_session_id" varchar(255) NOT NULL,
	"mode" varchar(30) DEFAULT 'payment' NOT NULL,
	"status" varchar(30),
	"payment_status" varchar(30),
	"url" varchar(1000),
	"expires_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "stripe_checkout_sessions_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "stripe_checkout_sessions_mode" CHECK ("stripe_checkout_sessions"."mode" IN ('payment', 'setup', 'subscription'))
);
--> statement-breakpoint
CREATE TABLE "stripe_customers" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"stripe_account_ref_id" text,
	"user_id" text,
	"group_account_id" text,
	"stripe_customer_id" varchar(255) NOT NULL,
	"email" varchar(255),
	"name" varchar(255),
	"phone" varchar(50),
	"default_payment_method_stripe_id" varchar(255),
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "stripe_customers_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "stripe_invoices" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"booking_order_id" text,
	"cross_biz_order_id" text,
	"stripe_customer_ref_id" text,
	"stripe_account_ref_id" text,
	"stripe_invoice_id" varchar(255) NOT NULL,
	"status" varchar(30),
	"billing_reason" varchar(50),
	"amount_due_minor" integer DEFAULT 0 NOT NULL,
	"amount_paid_minor" integer DEFAULT 0 NOT NULL,
	"amount_remaining_minor" integer DEFAULT 0 NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"hosted_invoice_url" varchar(1000),
	"invoice_pdf_url" varchar(1000),
	"due_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "stripe_invoices_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "stripe_invoices_currency_iso" CHECK ("stripe_invoices"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "stripe_invoices_amounts_nonneg" CHECK ("stripe_invoices"."amount_due_minor" >= 0 AND "stripe_invoices"."amount_paid_minor" >= 0 AND "stripe_invoices"."amount_remaining_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stripe_payment_methods" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"stripe_customer_ref_id" text,
	"payment_method_id" text,
	"stripe_payment_method_id" varchar(255) NOT NULL,
	"type" varchar(50),
	"brand" varchar(50),
	"last4" varchar(4),
	"exp_month" integer,
	"exp_year" integer,
	"fingerprint" varchar(255),
	"country" varchar(2),
	"funding" varchar(20),
	"is_default" boolean DEFAULT false NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"billing_details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "stripe_payment_methods_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "stripe_payment_methods_exp_month_range" CHECK ("stripe_payment_methods"."exp_month" IS NULL OR "stripe_payment_methods"."exp_month" BETWEEN 1 AND 12)
);
--> statement-breakpoint
CREATE TABLE "stripe_payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"stripe_account_ref_id" text,
	"payout_id" text,
	"stripe_payout_id" varchar(255) NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"status" varchar(30) NOT NULL,
	"arrival_at" timestamp with time zone,
	"failure_code" varchar(120),
	"failure_message" varchar(2000),
	"method" varchar(50),
	"statement_descriptor" varchar(255),
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "stripe_payouts_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "stripe_payouts_currency_iso" CHECK ("stripe_payouts"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "stripe_setup_intents" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"user_id" text,
	"group_account_id" text,
	"stripe_customer_ref_id" text,
	"stripe_setup_intent_id" varchar(255) NOT NULL,
	"status" varchar(50) NOT NULL,
	"usage" varchar(50),
	"stripe_payment_method_id" varchar(255),
	"last_setup_error" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "stripe_setup_intents_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "stripe_transfers" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"booking_order_id" text,
	"cross_biz_order_id" text,
	"payment_intent_id" text,
	"payment_transaction_id" text,
	"destination_account_ref_id" text NOT NULL,
	"stripe_transfer_id" varchar(255) NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" varchar(3) DEFAULT 'USD' NOT NULL,
	"transfer_group" varchar(255),
	"source_transaction_id" varchar(255),
	"status" varchar(30) DEFAULT 'pending' NOT NULL,
	"livemode" boolean DEFAULT false NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "stripe_transfers_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "stripe_transfers_currency_iso" CHECK ("stripe_transfers"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "stripe_transfers_amount_nonneg" CHECK ("stripe_transfers"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stripe_webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text,
	"stripe_event_id" varchar(255) NOT NULL,
	"stripe_account_id" varchar(255),
	"stripe_account_ref_id" text,
	"type" varchar(120) NOT NULL,
	"api_version" varchar(50),
	"livemode" boolean DEFAULT false NOT NULL,
	"event_created_at" timestamp with time zone,
	"payload" jsonb NOT NULL,
	"signature_verified" boolean DEFAULT false NOT NULL,
	"status" "stripe_webhook_event_status" DEFAULT 'received' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "stripe_webhook_events_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "stripe_webhook_events_attempts_nonneg" CHECK ("stripe_webhook_events"."attempts" >= 0),
	CONSTRAINT "stripe_webhook_events_processed_shape" CHECK ("stripe_webhook_events"."status" <> 'processed' OR "stripe_webhook_events"."processed_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "resource_capability_assignments" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"capability_template_id" text NOT NULL,
	"proficiency_score" integer,
	"is_primary" boolean DEFAULT false NOT NULL,
	"valid_from" timestamp with time zone,
	"valid_to" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "resource_capability_assignments_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "resource_capability_assignments_proficiency_range" CHECK ("resource_capability_assignments"."proficiency_score" IS NULL OR "resource_capability_assignments"."proficiency_score" BETWEEN 0 AND 100),
	CONSTRAINT "resource_capability_assignments_validity_window" CHECK ("resource_capability_assignments"."valid_from" IS NULL OR "resource_capability_assignments"."valid_to" IS NULL OR "resource_capability_assignments"."valid_to" > "resource_capability_assignments"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "resource_capability_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"location_id" text,
	"scope" "resource_capability_scope" NOT NULL,
	"name" varchar(180) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"description" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "resource_capability_templates_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "resource_capability_templates_slug_nonempty" CHECK (length("resource_capability_templates"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "resource_condition_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"fulfillment_unit_id" text,
	"report_type" "resource_condition_report_type" NOT NULL,
	"reporter_user_id" text,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"device_time" timestamp with time zone,
	"severity" integer DEFAULT 1 NOT NULL,
	"summary" varchar(280) NOT NULL,
	"notes" text,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"media_evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resolved_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "resource_condition_reports_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "resource_condition_reports_severity_range" CHECK ("resource_condition_reports"."severity" BETWEEN 1 AND 5),
	CONSTRAINT "resource_condition_reports_resolved_after_report" CHECK ("resource_condition_reports"."resolved_at" IS NULL OR "resource_condition_reports"."resolved_at" >= "resource_condition_reports"."reported_at")
);
--> statement-breakpoint
CREATE TABLE "resource_maintenance_policies" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"resource_id" text,
	"capability_template_id" text,
	"scope_resource_type" "resource_capability_scope",
	"name" varchar(200) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"trigger_type" "resource_maintenance_trigger_type" NOT NULL,
	"threshold_value" integer,
	"trigger_expression" varchar(300),
	"action_type" "resource_maintenance_action_type" NOT NULL,
	"auto_create_work_order" boolean DEFAULT true NOT NULL,
	"block_until_completed" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"notes" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "resource_maintenance_policies_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "resource_maintenance_policies_has_scope" CHECK ("resource_maintenance_policies"."resource_id" IS NOT NULL OR "resource_maintenance_policies"."capability_template_id" IS NOT NULL OR "resource_maintenance_policies"."scope_resource_type" IS NOT NULL),
	CONSTRAINT "resource_maintenance_policies_trigger_shape" CHECK (("resource_maintenance_policies"."trigger_type" IN ('usage_hours', 'usage_count', 'elapsed_days') AND "resource_maintenance_policies"."threshold_value" IS NOT NULL) OR ("resource_maintenance_policies"."trigger_type" = 'calendar_date' AND "resource_maintenance_policies"."trigger_expression" IS NOT NULL) OR "resource_maintenance_policies"."trigger_type" = 'manual'),
	CONSTRAINT "resource_maintenance_policies_threshold_positive" CHECK ("resource_maintenance_policies"."threshold_value" IS NULL OR "resource_maintenance_policies"."threshold_value" > 0)
);
--> statement-breakpoint
CREATE TABLE "resource_maintenance_work_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"policy_id" text,
	"calendar_id" text,
	"title" varchar(220) NOT NULL,
	"description" text,
	"status" "resource_maintenance_work_order_status" DEFAULT 'open' NOT NULL,
	"priority" integer DEFAULT 100 NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"scheduled_start_at" timestamp with time zone,
	"scheduled_end_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"blocks_availability" boolean DEFAULT true NOT NULL,
	"resolution_notes" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "resource_maintenance_work_orders_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "resource_maintenance_work_orders_schedule_window" CHECK ("resource_maintenance_work_orders"."scheduled_start_at" IS NULL OR "resource_maintenance_work_orders"."scheduled_end_at" IS NULL OR "resource_maintenance_work_orders"."scheduled_end_at" > "resource_maintenance_work_orders"."scheduled_start_at"),
	CONSTRAINT "resource_maintenance_work_orders_completed_after_start" CHECK ("resource_maintenance_work_orders"."completed_at" IS NULL OR "resource_maintenance_work_orders"."started_at" IS NULL OR "resource_maintenance_work_orders"."completed_at" >= "resource_maintenance_work_orders"."started_at"),
	CONSTRAINT "resource_maintenance_work_orders_cancelled_after_start" CHECK ("resource_maintenance_work_orders"."cancelled_at" IS NULL OR "resource_maintenance_work_orders"."started_at" IS NULL OR "resource_maintenance_work_orders"."cancelled_at" >= "resource_maintenance_work_orders"."started_at"),
	CONSTRAINT "resource_maintenance_work_orders_status_timestamps" CHECK (("resource_maintenance_work_orders"."status" <> 'completed' OR "resource_maintenance_work_orders"."completed_at" IS NOT NULL) AND ("resource_maintenance_work_orders"."status" <> 'cancelled' OR "resource_maintenance_work_orders"."cancelled_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "resource_usage_counters" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"resource_id" text NOT NULL,
	"counter_key" varchar(120) NOT NULL,
	"unit" varchar(40) NOT NULL,
	"current_value" integer DEFAULT 0 NOT NULL,
	"last_increment_at" timestamp with time zone,
	"last_reset_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "resource_usage_counters_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "resource_usage_counters_resource_key_uq" UNIQUE("resource_id","counter_key"),
	CONSTRAINT "resource_usage_counters_value_nonneg" CHECK ("resource_usage_counters"."current_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "client_mutations" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"client_id" text NOT NULL,
	"mutation_id" bigint NOT NULL,
	"name" varchar(120) NOT NULL,
	"args" jsonb NOT NULL,
	"args_hash" varchar(64) NOT NULL,
	"status" "client_mutation_status" NOT NULL,
	"txid" varchar(32),
	"error" jsonb,
	"result" jsonb,
	"actor_user_id" text,
	"device_time" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_mutations_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "client_mutations_client_mutation_uq" UNIQUE("client_id","mutation_id"),
	CONSTRAINT "client_mutations_outcome_shape" CHECK (("client_mutations"."status" = 'applied' AND "client_mutations"."txid" IS NOT NULL AND "client_mutations"."error" IS NULL) OR ("client_mutations"."status" = 'rejected' AND "client_mutations"."error" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"user_id" text NOT NULL,
	"member_id" text NOT NULL,
	"label" varchar(200) DEFAULT '' NOT NULL,
	"user_agent" varchar(500),
	"status" "device_status" DEFAULT 'active' NOT NULL,
	"clock_offset_ms" integer,
	"last_seen_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "devices_revoked_shape" CHECK (("devices"."status" = 'revoked') = ("devices"."revoked_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "availability_resolution_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"calendar_id" text NOT NULL,
	"request_key" varchar(140),
	"window_start_at" timestamp with time zone NOT NULL,
	"window_end_at" timestamp with time zone NOT NULL,
	"status" "availability_resolution_status" NOT NULL,
	"request_snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decision_trace" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"resolved_output" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"runtime_ms" integer,
	"resolved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "availability_resolution_runs_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "availability_resolution_runs_window" CHECK ("availability_resolution_runs"."window_end_at" > "availability_resolution_runs"."window_start_at"),
	CONSTRAINT "availability_resolution_runs_runtime_nonneg" CHECK ("availability_resolution_runs"."runtime_ms" IS NULL OR "availability_resolution_runs"."runtime_ms" >= 0)
);
--> statement-breakpoint
CREATE TABLE "availability_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"calendar_id" text NOT NULL,
	"overlay_id" text,
	"name" varchar(200) NOT NULL,
	"kind" "availability_rule_kind" NOT NULL,
	"action" "availability_rule_action" NOT NULL,
	"day_of_week" integer,
	"start_date" date,
	"end_date" date,
	"start_time" time,
	"end_time" time,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"capacity_delta" integer,
	"pricing_adjustment" jsonb,
	"priority" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "availability_rules_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "availability_rules_day_of_week_range" CHECK ("availability_rules"."day_of_week" IS NULL OR "availability_rules"."day_of_week" BETWEEN 0 AND 6),
	CONSTRAINT "availability_rules_date_order" CHECK ("availability_rules"."start_date" IS NULL OR "availability_rules"."end_date" IS NULL OR "availability_rules"."end_date" >= "availability_rules"."start_date"),
	CONSTRAINT "availability_rules_time_order" CHECK ((("availability_rules"."start_time" IS NULL) = ("availability_rules"."end_time" IS NULL)) AND ("availability_rules"."start_time" IS NULL OR "availability_rules"."end_time" > "availability_rules"."start_time")),
	CONSTRAINT "availability_rules_instant_order" CHECK ("availability_rules"."starts_at" IS NULL OR "availability_rules"."ends_at" > "availability_rules"."starts_at"),
	CONSTRAINT "availability_rules_kind_shape" CHECK (("availability_rules"."kind" = 'weekly_recurring' AND "availability_rules"."day_of_week" IS NOT NULL AND "availability_rules"."starts_at" IS NULL AND "availability_rules"."ends_at" IS NULL)
        OR ("availability_rules"."kind" = 'date_range' AND "availability_rules"."start_date" IS NOT NULL AND "availability_rules"."end_date" IS NOT NULL AND "availability_rules"."day_of_week" IS NULL AND "availability_rules"."starts_at" IS NULL AND "availability_rules"."ends_at" IS NULL)
        OR ("availability_rules"."kind" = 'timestamp_range' AND "availability_rules"."starts_at" IS NOT NULL AND "availability_rules"."ends_at" IS NOT NULL AND "availability_rules"."day_of_week" IS NULL AND "availability_rules"."start_date" IS NULL AND "availability_rules"."end_date" IS NULL AND "availability_rules"."start_time" IS NULL AND "availability_rules"."end_time" IS NULL)),
	CONSTRAINT "availability_rules_action_shape" CHECK (("availability_rules"."action" IN ('available', 'unavailable') AND "availability_rules"."capacity_delta" IS NULL AND "availability_rules"."pricing_adjustment" IS NULL)
        OR ("availability_rules"."action" = 'override_hours' AND "availability_rules"."capacity_delta" IS NULL AND "availability_rules"."pricing_adjustment" IS NULL AND ("availability_rules"."start_time" IS NOT NULL OR "availability_rules"."starts_at" IS NOT NULL))
        OR ("availability_rules"."action" = 'special_pricing' AND "availability_rules"."pricing_adjustment" IS NOT NULL AND "availability_rules"."capacity_delta" IS NULL)
        OR ("availability_rules"."action" = 'capacity_adjustment' AND "availability_rules"."capacity_delta" IS NOT NULL AND "availability_rules"."pricing_adjustment" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "calendar_bindings" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"calendar_id" text NOT NULL,
	"owner_type" "calendar_binding_owner_type" NOT NULL,
	"resource_id" text,
	"service_id" text,
	"service_product_id" text,
	"offer_id" text,
	"offer_version_id" text,
	"location_id" text,
	"subject_id" text,
	"is_primary" boolean DEFAULT true NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "calendar_bindings_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "calendar_bindings_owner_shape" CHECK ((("calendar_bindings"."owner_type" = 'resource' AND "calendar_bindings"."resource_id" IS NOT NULL AND "calendar_bindings"."service_id" IS NULL AND "calendar_bindings"."service_product_id" IS NULL AND "calendar_bindings"."offer_id" IS NULL AND "calendar_bindings"."offer_version_id" IS NULL AND "calendar_bindings"."location_id" IS NULL AND "calendar_bindings"."subject_id" IS NULL) OR ("calendar_bindings"."owner_type" = 'service' AND "calendar_bindings"."service_id" IS NOT NULL AND "calendar_bindings"."resource_id" IS NULL AND "calendar_bindings"."service_product_id" IS NULL AND "calendar_bindings"."offer_id" IS NULL AND "calendar_bindings"."offer_version_id" IS NULL AND "calendar_bindings"."location_id" IS NULL AND "calendar_bindings"."subject_id" IS NULL) OR ("calendar_bindings"."owner_type" = 'service_product' AND "calendar_bindings"."service_product_id" IS NOT NULL AND "calendar_bindings"."resource_id" IS NULL AND "calendar_bindings"."service_id" IS NULL AND "calendar_bindings"."offer_id" IS NULL AND "calendar_bindings"."offer_version_id" IS NULL AND "calendar_bindings"."location_id" IS NULL AND "calendar_bindings"."subject_id" IS NULL) OR ("calendar_bindings"."owner_type" = 'offer' AND "calendar_bindings"."offer_id" IS NOT NULL AND "calendar_bindings"."resource_id" IS NULL AND "calendar_bindings"."service_id" IS NULL AND "calendar_bindings"."service_product_id" IS NULL AND "calendar_bindings"."offer_version_id" IS NULL AND "calendar_bindings"."location_id" IS NULL AND "calendar_bindings"."subject_id" IS NULL) OR ("calendar_bindings"."owner_type" = 'offer_version' AND "calendar_bindings"."offer_version_id" IS NOT NULL AND "calendar_bindings"."resource_id" IS NULL AND "calendar_bindings"."service_id" IS NULL AND "calendar_bindings"."service_product_id" IS NULL AND "calendar_bindings"."offer_id" IS NULL AND "calendar_bindings"."location_id" IS NULL AND "calendar_bindings"."subject_id" IS NULL) OR ("calendar_bindings"."owner_type" = 'location' AND "calendar_bindings"."location_id" IS NOT NULL AND "calendar_bindings"."resource_id" IS NULL AND "calendar_bindings"."service_id" IS NULL AND "calendar_bindings"."service_product_id" IS NULL AND "calendar_bindings"."offer_id" IS NULL AND "calendar_bindings"."offer_version_id" IS NULL AND "calendar_bindings"."subject_id" IS NULL) OR ("calendar_bindings"."owner_type" = 'custom_subject' AND "calendar_bindings"."subject_id" IS NOT NULL AND "calendar_bindings"."resource_id" IS NULL AND "calendar_bindings"."service_id" IS NULL AND "calendar_bindings"."service_product_id" IS NULL AND "calendar_bindings"."offer_id" IS NULL AND "calendar_bindings"."offer_version_id" IS NULL AND "calendar_bindings"."location_id" IS NULL)))
);
--> statement-breakpoint
CREATE TABLE "calendar_overlays" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"calendar_id" text NOT NULL,
	"kind" "calendar_overlay_kind" NOT NULL,
	"name" varchar(180) NOT NULL,
	"description" varchar(600),
	"priority" integer DEFAULT 100 NOT NULL,
	"effective_start_at" timestamp with time zone,
	"effective_end_at" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "calendar_overlays_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "calendar_overlays_biz_calendar_id_uq" UNIQUE("biz_id","calendar_id","id"),
	CONSTRAINT "calendar_overlays_window" CHECK ("calendar_overlays"."effective_start_at" IS NULL OR "calendar_overlays"."effective_end_at" IS NULL OR "calendar_overlays"."effective_end_at" > "calendar_overlays"."effective_start_at")
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"timezone" varchar(50) DEFAULT 'UTC' NOT NULL,
	"slot_duration_min" integer DEFAULT 30 NOT NULL,
	"slot_interval_min" integer DEFAULT 15 NOT NULL,
	"buffer_before_min" integer DEFAULT 0 NOT NULL,
	"buffer_after_min" integer DEFAULT 0 NOT NULL,
	"min_lead_time_min" integer DEFAULT 0 NOT NULL,
	"max_horizon_days" integer DEFAULT 365 NOT NULL,
	"default_mode" "calendar_default_mode" DEFAULT 'open' NOT NULL,
	"rule_evaluation_order" "calendar_rule_evaluation_order" DEFAULT 'specificity_then_priority' NOT NULL,
	"conflict_mode" "calendar_conflict_mode" DEFAULT 'unavailable_wins' NOT NULL,
	"status" "calendar_status" DEFAULT 'active' NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "calendars_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "calendars_slot_positive" CHECK ("calendars"."slot_duration_min" > 0 AND "calendars"."slot_interval_min" > 0),
	CONSTRAINT "calendars_buffers_nonneg" CHECK ("calendars"."buffer_before_min" >= 0 AND "calendars"."buffer_after_min" >= 0),
	CONSTRAINT "calendars_horizon" CHECK ("calendars"."min_lead_time_min" >= 0 AND "calendars"."max_horizon_days" >= 0 AND "calendars"."max_horizon_days" * 1440 >= "calendars"."min_lead_time_min")
);
--> statement-breakpoint
CREATE TABLE "capacity_pool_members" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"capacity_pool_id" text NOT NULL,
	"member_type" "capacity_pool_member_type" NOT NULL,
	"resource_id" text,
	"offer_version_id" text,
	"location_id" text,
	"subject_id" text,
	"capacity_weight" integer DEFAULT 1 NOT NULL,
	"reserved_capacity" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "capacity_pool_members_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "capacity_pool_members_member_shape" CHECK ((("capacity_pool_members"."member_type" = 'resource' AND "capacity_pool_members"."resource_id" IS NOT NULL AND "capacity_pool_members"."offer_version_id" IS NULL AND "capacity_pool_members"."location_id" IS NULL AND "capacity_pool_members"."subject_id" IS NULL) OR ("capacity_pool_members"."member_type" = 'offer_version' AND "capacity_pool_members"."offer_version_id" IS NOT NULL AND "capacity_pool_members"."resource_id" IS NULL AND "capacity_pool_members"."location_id" IS NULL AND "capacity_pool_members"."subject_id" IS NULL) OR ("capacity_pool_members"."member_type" = 'location' AND "capacity_pool_members"."location_id" IS NOT NULL AND "capacity_pool_members"."resource_id" IS NULL AND "capacity_pool_members"."offer_version_id" IS NULL AND "capacity_pool_members"."subject_id" IS NULL) OR ("capacity_pool_members"."member_type" = 'custom_subject' AND "capacity_pool_members"."subject_id" IS NOT NULL AND "capacity_pool_members"."resource_id" IS NULL AND "capacity_pool_members"."offer_version_id" IS NULL AND "capacity_pool_members"."location_id" IS NULL))),
	CONSTRAINT "capacity_pool_members_capacity_values" CHECK ("capacity_pool_members"."capacity_weight" > 0 AND "capacity_pool_members"."reserved_capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "capacity_pools" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"status" "capacity_pool_status" DEFAULT 'active' NOT NULL,
	"total_capacity" integer NOT NULL,
	"overbook_capacity" integer DEFAULT 0 NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "capacity_pools_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "capacity_pools_capacity_positive" CHECK ("capacity_pools"."total_capacity" > 0 AND "capacity_pools"."overbook_capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dispatch_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"trip_id" text,
	"assigned_resource_id" text,
	"title" varchar(220) NOT NULL,
	"instructions" varchar(2000),
	"status" "dispatch_task_status" DEFAULT 'queued' NOT NULL,
	"due_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by_user_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "dispatch_tasks_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "dispatch_tasks_assignee_shape" CHECK ("dispatch_tasks"."status" NOT IN ('assigned', 'accepted', 'en_route', 'in_progress', 'done') OR "dispatch_tasks"."assigned_resource_id" IS NOT NULL),
	CONSTRAINT "dispatch_tasks_completion_order" CHECK ("dispatch_tasks"."completed_at" IS NULL OR "dispatch_tasks"."started_at" IS NULL OR "dispatch_tasks"."completed_at" >= "dispatch_tasks"."started_at")
);
--> statement-breakpoint
CREATE TABLE "eta_events" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"trip_id" text NOT NULL,
	"route_id" text NOT NULL,
	"route_stop_id" text,
	"event_type" "eta_event_type" NOT NULL,
	"event_at" timestamp with time zone DEFAULT now() NOT NULL,
	"eta_at" timestamp with time zone,
	"actual_at" timestamp with time zone,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "eta_events_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "eta_events_payload_shape" CHECK (("eta_events"."event_type" IN ('predicted', 'updated') AND "eta_events"."eta_at" IS NOT NULL) OR ("eta_events"."event_type" IN ('arrived', 'departed') AND "eta_events"."actual_at" IS NOT NULL) OR "eta_events"."event_type" = 'delay_alert')
);
--> statement-breakpoint
CREATE TABLE "fleet_vehicles" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"resource_id" text,
	"name" varchar(180) NOT NULL,
	"plate_number" varchar(40),
	"vin" varchar(64),
	"seat_capacity" integer NOT NULL,
	"luggage_capacity" integer,
	"status" "fleet_vehicle_status" DEFAULT 'active' NOT NULL,
	"telemetry_config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "fleet_vehicles_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "fleet_vehicles_seat_capacity_pos" CHECK ("fleet_vehicles"."seat_capacity" > 0),
	CONSTRAINT "fleet_vehicles_luggage_capacity_nonneg" CHECK ("fleet_vehicles"."luggage_capacity" IS NULL OR "fleet_vehicles"."luggage_capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "transport_route_stops" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"route_id" text NOT NULL,
	"stop_order" integer NOT NULL,
	"kind" "transport_route_stop_kind" NOT NULL,
	"name" varchar(180) NOT NULL,
	"location_id" text,
	"geo_point" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"offset_from_start_min" integer,
	"dwell_min" integer,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "transport_route_stops_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "transport_route_stops_biz_route_id_uq" UNIQUE("biz_id","route_id","id"),
	CONSTRAINT "transport_route_stops_stop_order_nonneg" CHECK ("transport_route_stops"."stop_order" >= 0),
	CONSTRAINT "transport_route_stops_offset_nonneg" CHECK ("transport_route_stops"."offset_from_start_min" IS NULL OR "transport_route_stops"."offset_from_start_min" >= 0),
	CONSTRAINT "transport_route_stops_dwell_nonneg" CHECK ("transport_route_stops"."dwell_min" IS NULL OR "transport_route_stops"."dwell_min" >= 0)
);
--> statement-breakpoint
CREATE TABLE "transport_routes" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"status" "transport_route_status" DEFAULT 'active' NOT NULL,
	"origin_location_id" text,
	"destination_location_id" text,
	"timezone" varchar(50) DEFAULT 'UTC' NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "transport_routes_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "transport_routes_slug_nonempty" CHECK (length("transport_routes"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "transport_trips" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"route_id" text NOT NULL,
	"offer_version_id" text,
	"fleet_vehicle_id" text,
	"driver_resource_id" text,
	"calendar_binding_id" text,
	"status" "transport_trip_status" DEFAULT 'planned' NOT NULL,
	"boarding_opens_at" timestamp with time zone,
	"departure_at" timestamp with time zone NOT NULL,
	"arrival_at" timestamp with time zone NOT NULL,
	"capacity_seats" integer NOT NULL,
	"overbook_seats" integer DEFAULT 0 NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "transport_trips_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "transport_trips_biz_route_id_uq" UNIQUE("biz_id","route_id","id"),
	CONSTRAINT "transport_trips_window_order" CHECK ("transport_trips"."arrival_at" > "transport_trips"."departure_at"),
	CONSTRAINT "transport_trips_boarding_before_departure" CHECK ("transport_trips"."boarding_opens_at" IS NULL OR "transport_trips"."boarding_opens_at" <= "transport_trips"."departure_at"),
	CONSTRAINT "transport_trips_capacity_pos" CHECK ("transport_trips"."capacity_seats" > 0),
	CONSTRAINT "transport_trips_overbook_nonneg" CHECK ("transport_trips"."overbook_seats" >= 0)
);
--> statement-breakpoint
CREATE TABLE "trip_manifests" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"trip_id" text NOT NULL,
	"booking_order_id" text,
	"fulfillment_unit_id" text,
	"queue_entry_id" text,
	"passenger_user_id" text,
	"passenger_group_account_id" text,
	"status" "trip_manifest_status" DEFAULT 'booked' NOT NULL,
	"seat_count" integer DEFAULT 1 NOT NULL,
	"seat_label" varchar(80),
	"checked_in_at" timestamp with time zone,
	"boarded_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "trip_manifests_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "trip_manifests_passenger_present" CHECK ("trip_manifests"."passenger_user_id" IS NOT NULL OR "trip_manifests"."passenger_group_account_id" IS NOT NULL),
	CONSTRAINT "trip_manifests_seat_count_pos" CHECK ("trip_manifests"."seat_count" > 0),
	CONSTRAINT "trip_manifests_checked_in_shape" CHECK ("trip_manifests"."status" <> 'checked_in' OR "trip_manifests"."checked_in_at" IS NOT NULL),
	CONSTRAINT "trip_manifests_boarded_shape" CHECK ("trip_manifests"."status" <> 'boarded' OR "trip_manifests"."boarded_at" IS NOT NULL),
	CONSTRAINT "trip_manifests_completed_shape" CHECK ("trip_manifests"."status" <> 'completed' OR "trip_manifests"."completed_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "trip_stop_inventory" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"trip_id" text NOT NULL,
	"route_id" text NOT NULL,
	"route_stop_id" text NOT NULL,
	"total_capacity" integer NOT NULL,
	"reserved_capacity" integer DEFAULT 0 NOT NULL,
	"waitlisted_count" integer DEFAULT 0 NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "trip_stop_inventory_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "trip_stop_inventory_trip_stop_uq" UNIQUE("trip_id","route_stop_id"),
	CONSTRAINT "trip_stop_inventory_total_nonneg" CHECK ("trip_stop_inventory"."total_capacity" >= 0),
	CONSTRAINT "trip_stop_inventory_reserved_nonneg" CHECK ("trip_stop_inventory"."reserved_capacity" >= 0),
	CONSTRAINT "trip_stop_inventory_waitlisted_nonneg" CHECK ("trip_stop_inventory"."waitlisted_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "async_deliverables" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"workflow_instance_id" text,
	"booking_order_id" text,
	"fulfillment_unit_id" text,
	"deliverable_type" "async_deliverable_type" NOT NULL,
	"status" "async_deliverable_status" DEFAULT 'queued' NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processing_started_at" timestamp with time zone,
	"ready_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"delivery_channel" varchar(80),
	"result_payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"failure_reason" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "async_deliverables_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "async_deliverables_processing_order" CHECK ("async_deliverables"."processing_started_at" IS NULL OR "async_deliverables"."processing_started_at" >= "async_deliverables"."requested_at"),
	CONSTRAINT "async_deliverables_ready_order" CHECK ("async_deliverables"."ready_at" IS NULL OR ("async_deliverables"."ready_at" >= "async_deliverables"."requested_at" AND ("async_deliverables"."processing_started_at" IS NULL OR "async_deliverables"."ready_at" >= "async_deliverables"."processing_started_at"))),
	CONSTRAINT "async_deliverables_delivered_order" CHECK ("async_deliverables"."delivered_at" IS NULL OR "async_deliverables"."ready_at" IS NULL OR "async_deliverables"."delivered_at" >= "async_deliverables"."ready_at"),
	CONSTRAINT "async_deliverables_expiry_order" CHECK ("async_deliverables"."expires_at" IS NULL OR "async_deliverables"."ready_at" IS NULL OR "async_deliverables"."expires_at" >= "async_deliverables"."ready_at"),
	CONSTRAINT "async_deliverables_processing_shape" CHECK ("async_deliverables"."status" <> 'processing' OR "async_deliverables"."processing_started_at" IS NOT NULL),
	CONSTRAINT "async_deliverables_ready_shape" CHECK ("async_deliverables"."status" NOT IN ('ready', 'delivered') OR "async_deliverables"."ready_at" IS NOT NULL),
	CONSTRAINT "async_deliverables_delivered_shape" CHECK ("async_deliverables"."status" <> 'delivered' OR "async_deliverables"."delivered_at" IS NOT NULL),
	CONSTRAINT "async_deliverables_failed_shape" CHECK ("async_deliverables"."status" <> 'failed' OR "async_deliverables"."failure_reason" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "review_queue_items" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"review_queue_id" text NOT NULL,
	"status" "review_queue_item_status" DEFAULT 'pending' NOT NULL,
	"item_type" varchar(100) NOT NULL,
	"item_ref_id" varchar(140) NOT NULL,
	"booking_order_id" text,
	"fulfillment_unit_id" text,
	"priority" integer DEFAULT 100 NOT NULL,
	"risk_score" integer,
	"assigned_to_user_id" text,
	"due_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolution_payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "review_queue_items_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "review_queue_items_item_nonempty" CHECK (length("review_queue_items"."item_type") > 0 AND length("review_queue_items"."item_ref_id") > 0),
	CONSTRAINT "review_queue_items_typed_ref_shape" CHECK (("review_queue_items"."item_type" <> 'booking_order' OR ("review_queue_items"."booking_order_id" IS NOT NULL AND "review_queue_items"."booking_order_id" = "review_queue_items"."item_ref_id")) AND ("review_queue_items"."item_type" <> 'fulfillment_unit' OR ("review_queue_items"."fulfillment_unit_id" IS NOT NULL AND "review_queue_items"."fulfillment_unit_id" = "review_queue_items"."item_ref_id"))),
	CONSTRAINT "review_queue_items_priority_nonneg" CHECK ("review_queue_items"."priority" >= 0),
	CONSTRAINT "review_queue_items_risk_score_range" CHECK ("review_queue_items"."risk_score" IS NULL OR "review_queue_items"."risk_score" BETWEEN 0 AND 100),
	CONSTRAINT "review_queue_items_claimed_shape" CHECK ("review_queue_items"."status" <> 'claimed' OR "review_queue_items"."assigned_to_user_id" IS NOT NULL),
	CONSTRAINT "review_queue_items_resolved_shape" CHECK (("review_queue_items"."status" IN ('approved', 'rejected', 'timed_out', 'cancelled')) = ("review_queue_items"."resolved_at" IS NOT NULL)),
	CONSTRAINT "review_queue_items_resolution_order" CHECK ("review_queue_items"."resolved_at" IS NULL OR "review_queue_items"."resolved_at" >= "review_queue_items"."created_at")
);
--> statement-breakpoint
CREATE TABLE "review_queues" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"name" varchar(200) NOT NULL,
	"slug" varchar(140) NOT NULL,
	"type" "review_queue_type" NOT NULL,
	"status" "review_queue_status" DEFAULT 'active' NOT NULL,
	"policy" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "review_queues_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "review_queues_slug_nonempty" CHECK (length("review_queues"."slug") > 0)
);
--> statement-breakpoint
CREATE TABLE "workflow_decisions" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"workflow_instance_id" text NOT NULL,
	"workflow_step_id" text,
	"outcome" "workflow_decision_outcome" NOT NULL,
	"decider_user_id" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "workflow_decisions_biz_id_id_uq" UNIQUE("biz_id","id")
);
--> statement-breakpoint
CREATE TABLE "workflow_instances" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"workflow_key" varchar(140) NOT NULL,
	"trigger_type" "workflow_trigger_type" NOT NULL,
	"status" "workflow_instance_status" DEFAULT 'pending' NOT NULL,
	"target_type" varchar(100) NOT NULL,
	"target_ref_id" varchar(140) NOT NULL,
	"booking_order_id" text,
	"fulfillment_unit_id" text,
	"review_queue_item_id" text,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"current_step_key" varchar(140),
	"error_code" varchar(120),
	"input_payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"output_payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_key" varchar(140),
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "workflow_instances_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "workflow_instances_keys_nonempty" CHECK (length("workflow_instances"."workflow_key") > 0 AND length("workflow_instances"."target_type") > 0 AND length("workflow_instances"."target_ref_id") > 0),
	CONSTRAINT "workflow_instances_typed_ref_shape" CHECK (("workflow_instances"."target_type" <> 'booking_order' OR ("workflow_instances"."booking_order_id" IS NOT NULL AND "workflow_instances"."booking_order_id" = "workflow_instances"."target_ref_id")) AND ("workflow_instances"."target_type" <> 'fulfillment_unit' OR ("workflow_instances"."fulfillment_unit_id" IS NOT NULL AND "workflow_instances"."fulfillment_unit_id" = "workflow_instances"."target_ref_id")) AND ("workflow_instances"."target_type" <> 'review_queue_item' OR ("workflow_instances"."review_queue_item_id" IS NOT NULL AND "workflow_instances"."review_queue_item_id" = "workflow_instances"."target_ref_id"))),
	CONSTRAINT "workflow_instances_started_shape" CHECK ("workflow_instances"."status" NOT IN ('running', 'waiting_input', 'completed') OR "workflow_instances"."started_at" IS NOT NULL),
	CONSTRAINT "workflow_instances_completed_shape" CHECK ("workflow_instances"."status" <> 'completed' OR "workflow_instances"."completed_at" IS NOT NULL),
	CONSTRAINT "workflow_instances_failed_shape" CHECK ("workflow_instances"."status" <> 'failed' OR "workflow_instances"."error_code" IS NOT NULL),
	CONSTRAINT "workflow_instances_completion_order" CHECK ("workflow_instances"."completed_at" IS NULL OR "workflow_instances"."started_at" IS NULL OR "workflow_instances"."completed_at" >= "workflow_instances"."started_at")
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"workflow_instance_id" text NOT NULL,
	"step_key" varchar(140) NOT NULL,
	"name" varchar(200) NOT NULL,
	"sequence" integer NOT NULL,
	"status" "workflow_step_status" DEFAULT 'pending' NOT NULL,
	"assigned_to_user_id" text,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"input_payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"output_payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "workflow_steps_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "workflow_steps_biz_instance_id_uq" UNIQUE("biz_id","workflow_instance_id","id"),
	CONSTRAINT "workflow_steps_step_key_nonempty" CHECK (length("workflow_steps"."step_key") > 0),
	CONSTRAINT "workflow_steps_sequence_nonneg" CHECK ("workflow_steps"."sequence" >= 0),
	CONSTRAINT "workflow_steps_started_shape" CHECK ("workflow_steps"."status" NOT IN ('running', 'completed') OR "workflow_steps"."started_at" IS NOT NULL),
	CONSTRAINT "workflow_steps_completed_shape" CHECK ("workflow_steps"."status" <> 'completed' OR "workflow_steps"."completed_at" IS NOT NULL),
	CONSTRAINT "workflow_steps_completion_order" CHECK ("workflow_steps"."completed_at" IS NULL OR "workflow_steps"."started_at" IS NULL OR "workflow_steps"."completed_at" >= "workflow_steps"."started_at")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_stream_id_fk" FOREIGN KEY ("biz_id","stream_id") REFERENCES "public"."audit_streams"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_device_id_fk" FOREIGN KEY ("biz_id","device_id") REFERENCES "public"."devices"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_integrity_runs" ADD CONSTRAINT "audit_integrity_runs_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_integrity_runs" ADD CONSTRAINT "audit_integrity_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_integrity_runs" ADD CONSTRAINT "audit_integrity_runs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_integrity_runs" ADD CONSTRAINT "audit_integrity_runs_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_integrity_runs" ADD CONSTRAINT "audit_integrity_runs_stream_id_fk" FOREIGN KEY ("biz_id","stream_id") REFERENCES "public"."audit_streams"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_integrity_runs" ADD CONSTRAINT "audit_integrity_runs_broken_event_id_fk" FOREIGN KEY ("biz_id","broken_event_id") REFERENCES "public"."audit_events"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_streams" ADD CONSTRAINT "audit_streams_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_streams" ADD CONSTRAINT "audit_streams_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_streams" ADD CONSTRAINT "audit_streams_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_streams" ADD CONSTRAINT "audit_streams_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_accounts" ADD CONSTRAINT "channel_accounts_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_entity_links" ADD CONSTRAINT "channel_entity_links_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_entity_links" ADD CONSTRAINT "channel_entity_links_customer_user_id_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_entity_links" ADD CONSTRAINT "channel_entity_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_entity_links" ADD CONSTRAINT "channel_entity_links_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_entity_links" ADD CONSTRAINT "channel_entity_links_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_entity_links" ADD CONSTRAINT "channel_entity_links_channel_account_id_fk" FOREIGN KEY ("biz_id","channel_account_id") REFERENCES "public"."channel_accounts"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_entity_links" ADD CONSTRAINT "channel_entity_links_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_entity_links" ADD CONSTRAINT "channel_entity_links_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_entity_links" ADD CONSTRAINT "channel_entity_links_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_items" ADD CONSTRAINT "channel_sync_items_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_items" ADD CONSTRAINT "channel_sync_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_items" ADD CONSTRAINT "channel_sync_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_items" ADD CONSTRAINT "channel_sync_items_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_items" ADD CONSTRAINT "channel_sync_items_channel_sync_job_id_fk" FOREIGN KEY ("biz_id","channel_sync_job_id") REFERENCES "public"."channel_sync_jobs"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_items" ADD CONSTRAINT "channel_sync_items_channel_entity_link_id_fk" FOREIGN KEY ("biz_id","channel_entity_link_id") REFERENCES "public"."channel_entity_links"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_jobs" ADD CONSTRAINT "channel_sync_jobs_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_jobs" ADD CONSTRAINT "channel_sync_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_jobs" ADD CONSTRAINT "channel_sync_jobs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_jobs" ADD CONSTRAINT "channel_sync_jobs_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_jobs" ADD CONSTRAINT "channel_sync_jobs_channel_account_id_fk" FOREIGN KEY ("biz_id","channel_account_id") REFERENCES "public"."channel_accounts"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_states" ADD CONSTRAINT "channel_sync_states_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_states" ADD CONSTRAINT "channel_sync_states_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_states" ADD CONSTRAINT "channel_sync_states_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_states" ADD CONSTRAINT "channel_sync_states_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_sync_states" ADD CONSTRAINT "channel_sync_states_channel_account_id_fk" FOREIGN KEY ("biz_id","channel_account_id") REFERENCES "public"."channel_accounts"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_webhook_events" ADD CONSTRAINT "channel_webhook_events_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_webhook_events" ADD CONSTRAINT "channel_webhook_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_webhook_events" ADD CONSTRAINT "channel_webhook_events_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_webhook_events" ADD CONSTRAINT "channel_webhook_events_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_webhook_events" ADD CONSTRAINT "channel_webhook_events_channel_account_id_fk" FOREIGN KEY ("biz_id","channel_account_id") REFERENCES "public"."channel_accounts"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_categories" ADD CONSTRAINT "asset_categories_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_categories" ADD CONSTRAINT "asset_categories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_categories" ADD CONSTRAINT "asset_categories_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_categories" ADD CONSTRAINT "asset_categories_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definition_tag_scopes" ADD CONSTRAINT "asset_status_definition_tag_scopes_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definition_tag_scopes" ADD CONSTRAINT "asset_status_definition_tag_scopes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definition_tag_scopes" ADD CONSTRAINT "asset_status_definition_tag_scopes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definition_tag_scopes" ADD CONSTRAINT "asset_status_definition_tag_scopes_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definition_tag_scopes" ADD CONSTRAINT "asset_status_definition_tag_scopes_status_definition_id_fk" FOREIGN KEY ("biz_id","status_definition_id") REFERENCES "public"."asset_status_definitions"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definition_tag_scopes" ADD CONSTRAINT "asset_status_definition_tag_scopes_tag_template_id_fk" FOREIGN KEY ("biz_id","tag_template_id") REFERENCES "public"."asset_tag_templates"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definitions" ADD CONSTRAINT "asset_status_definitions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definitions" ADD CONSTRAINT "asset_status_definitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definitions" ADD CONSTRAINT "asset_status_definitions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_status_definitions" ADD CONSTRAINT "asset_status_definitions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_assignments" ADD CONSTRAINT "asset_tag_assignments_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_assignments" ADD CONSTRAINT "asset_tag_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_assignments" ADD CONSTRAINT "asset_tag_assignments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_assignments" ADD CONSTRAINT "asset_tag_assignments_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_assignments" ADD CONSTRAINT "asset_tag_assignments_asset_id_fk" FOREIGN KEY ("biz_id","asset_id") REFERENCES "public"."assets"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_assignments" ADD CONSTRAINT "asset_tag_assignments_tag_template_id_fk" FOREIGN KEY ("biz_id","tag_template_id") REFERENCES "public"."asset_tag_templates"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_templates" ADD CONSTRAINT "asset_tag_templates_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_templates" ADD CONSTRAINT "asset_tag_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_templates" ADD CONSTRAINT "asset_tag_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_tag_templates" ADD CONSTRAINT "asset_tag_templates_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_category_id_fk" FOREIGN KEY ("biz_id","category_id") REFERENCES "public"."asset_categories"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_status_definition_id_fk" FOREIGN KEY ("biz_id","status_definition_id") REFERENCES "public"."asset_status_definitions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_inviter_id_users_id_fk" FOREIGN KEY ("inviter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_account_members" ADD CONSTRAINT "group_account_members_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_account_members" ADD CONSTRAINT "group_account_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_account_members" ADD CONSTRAINT "group_account_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_account_members" ADD CONSTRAINT "group_account_members_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_account_members" ADD CONSTRAINT "group_account_members_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_account_members" ADD CONSTRAINT "group_account_members_group_account_id_fk" FOREIGN KEY ("biz_id","group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_accounts" ADD CONSTRAINT "group_accounts_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_accounts" ADD CONSTRAINT "group_accounts_primary_contact_user_id_users_id_fk" FOREIGN KEY ("primary_contact_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_accounts" ADD CONSTRAINT "group_accounts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_accounts" ADD CONSTRAINT "group_accounts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_accounts" ADD CONSTRAINT "group_accounts_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_membership_locations" ADD CONSTRAINT "org_membership_locations_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_membership_locations" ADD CONSTRAINT "org_membership_locations_membership_id_fk" FOREIGN KEY ("biz_id","membership_id") REFERENCES "public"."org_memberships"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_membership_locations" ADD CONSTRAINT "org_membership_locations_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_memberships" ADD CONSTRAINT "org_memberships_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_memberships" ADD CONSTRAINT "org_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_memberships" ADD CONSTRAINT "org_memberships_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_memberships" ADD CONSTRAINT "org_memberships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_memberships" ADD CONSTRAINT "org_memberships_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_memberships" ADD CONSTRAINT "org_memberships_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_memberships" ADD CONSTRAINT "org_memberships_member_id_fk" FOREIGN KEY ("biz_id","member_id") REFERENCES "public"."members"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_group_members" ADD CONSTRAINT "host_group_members_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_group_members" ADD CONSTRAINT "host_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_group_members" ADD CONSTRAINT "host_group_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_group_members" ADD CONSTRAINT "host_group_members_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_group_members" ADD CONSTRAINT "host_group_members_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_group_members" ADD CONSTRAINT "host_group_members_host_group_id_fk" FOREIGN KEY ("biz_id","host_group_id") REFERENCES "public"."host_groups"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_groups" ADD CONSTRAINT "host_groups_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_groups" ADD CONSTRAINT "host_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_groups" ADD CONSTRAINT "host_groups_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_groups" ADD CONSTRAINT "host_groups_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_groups" ADD CONSTRAINT "host_groups_group_account_id_fk" FOREIGN KEY ("biz_id","group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_users" ADD CONSTRAINT "host_users_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_users" ADD CONSTRAINT "host_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_users" ADD CONSTRAINT "host_users_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_users" ADD CONSTRAINT "host_users_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_users" ADD CONSTRAINT "host_users_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_users" ADD CONSTRAINT "host_users_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_users" ADD CONSTRAINT "host_users_resource_user_fk" FOREIGN KEY ("biz_id","resource_id","user_id") REFERENCES "public"."resources"("biz_id","id","host_user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "host_users" ADD CONSTRAINT "host_users_member_id_fk" FOREIGN KEY ("biz_id","member_id") REFERENCES "public"."members"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_capabilities" ADD CONSTRAINT "resource_service_capabilities_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_capabilities" ADD CONSTRAINT "resource_service_capabilities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_capabilities" ADD CONSTRAINT "resource_service_capabilities_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_capabilities" ADD CONSTRAINT "resource_service_capabilities_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_capabilities" ADD CONSTRAINT "resource_service_capabilities_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_capabilities" ADD CONSTRAINT "resource_service_capabilities_service_id_fk" FOREIGN KEY ("biz_id","service_id") REFERENCES "public"."services"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_capabilities" ADD CONSTRAINT "resource_service_capabilities_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_status_definitions" ADD CONSTRAINT "resource_status_definitions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_status_definitions" ADD CONSTRAINT "resource_status_definitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_status_definitions" ADD CONSTRAINT "resource_status_definitions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_status_definitions" ADD CONSTRAINT "resource_status_definitions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_status_definitions" ADD CONSTRAINT "resource_status_definitions_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_host_user_id_users_id_fk" FOREIGN KEY ("host_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_status_definition_id_fk" FOREIGN KEY ("biz_id","status_definition_id") REFERENCES "public"."resource_status_definitions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_host_group_id_fk" FOREIGN KEY ("biz_id","host_group_id") REFERENCES "public"."host_groups"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_asset_id_fk" FOREIGN KEY ("biz_id","asset_id") REFERENCES "public"."assets"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_venue_id_fk" FOREIGN KEY ("biz_id","venue_id") REFERENCES "public"."venues"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_groups" ADD CONSTRAINT "service_product_requirement_groups_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_groups" ADD CONSTRAINT "service_product_requirement_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_groups" ADD CONSTRAINT "service_product_requirement_groups_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_groups" ADD CONSTRAINT "service_product_requirement_groups_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_groups" ADD CONSTRAINT "service_product_requirement_groups_service_product_id_fk" FOREIGN KEY ("biz_id","service_product_id") REFERENCES "public"."service_products"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_selectors" ADD CONSTRAINT "service_product_requirement_selectors_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_selectors" ADD CONSTRAINT "service_product_requirement_selectors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_selectors" ADD CONSTRAINT "service_product_requirement_selectors_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_selectors" ADD CONSTRAINT "service_product_requirement_selectors_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_selectors" ADD CONSTRAINT "service_product_requirement_selectors_requirement_group_id_fk" FOREIGN KEY ("biz_id","requirement_group_id") REFERENCES "public"."service_product_requirement_groups"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_selectors" ADD CONSTRAINT "service_product_requirement_selectors_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_selectors" ADD CONSTRAINT "service_product_requirement_selectors_capability_template_id_fk" FOREIGN KEY ("biz_id","capability_template_id") REFERENCES "public"."resource_capability_templates"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_selectors" ADD CONSTRAINT "service_product_requirement_selectors_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_requirement_selectors" ADD CONSTRAINT "service_product_requirement_selectors_subject_fk" FOREIGN KEY ("biz_id","subject_type","subject_id") REFERENCES "public"."subjects"("biz_id","subject_type","subject_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_type_requirements" ADD CONSTRAINT "service_product_seat_type_requirements_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_type_requirements" ADD CONSTRAINT "service_product_seat_type_requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_type_requirements" ADD CONSTRAINT "service_product_seat_type_requirements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_type_requirements" ADD CONSTRAINT "service_product_seat_type_requirements_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_type_requirements" ADD CONSTRAINT "service_product_seat_type_requirements_seat_type_id_fk" FOREIGN KEY ("biz_id","seat_type_id") REFERENCES "public"."service_product_seat_types"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_type_requirements" ADD CONSTRAINT "service_product_seat_type_requirements_requirement_group_id_fk" FOREIGN KEY ("biz_id","requirement_group_id") REFERENCES "public"."service_product_requirement_groups"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_types" ADD CONSTRAINT "service_product_seat_types_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_types" ADD CONSTRAINT "service_product_seat_types_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_types" ADD CONSTRAINT "service_product_seat_types_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_types" ADD CONSTRAINT "service_product_seat_types_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_seat_types" ADD CONSTRAINT "service_product_seat_types_service_product_id_fk" FOREIGN KEY ("biz_id","service_product_id") REFERENCES "public"."service_products"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_services" ADD CONSTRAINT "service_product_services_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_services" ADD CONSTRAINT "service_product_services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_services" ADD CONSTRAINT "service_product_services_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_services" ADD CONSTRAINT "service_product_services_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_services" ADD CONSTRAINT "service_product_services_service_product_id_fk" FOREIGN KEY ("biz_id","service_product_id") REFERENCES "public"."service_products"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_services" ADD CONSTRAINT "service_product_services_service_id_fk" FOREIGN KEY ("biz_id","service_id") REFERENCES "public"."services"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_product_services" ADD CONSTRAINT "service_product_services_service_group_id_fk" FOREIGN KEY ("biz_id","service_group_id") REFERENCES "public"."service_groups"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_products" ADD CONSTRAINT "service_products_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_products" ADD CONSTRAINT "service_products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_products" ADD CONSTRAINT "service_products_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_products" ADD CONSTRAINT "service_products_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_products" ADD CONSTRAINT "service_products_product_id_fk" FOREIGN KEY ("biz_id","product_id") REFERENCES "public"."products"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_groups" ADD CONSTRAINT "service_groups_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_groups" ADD CONSTRAINT "service_groups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_groups" ADD CONSTRAINT "service_groups_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_groups" ADD CONSTRAINT "service_groups_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_service_group_id_fk" FOREIGN KEY ("biz_id","service_group_id") REFERENCES "public"."service_groups"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_location_bindings" ADD CONSTRAINT "subject_location_bindings_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_location_bindings" ADD CONSTRAINT "subject_location_bindings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_location_bindings" ADD CONSTRAINT "subject_location_bindings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_location_bindings" ADD CONSTRAINT "subject_location_bindings_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_location_bindings" ADD CONSTRAINT "subject_location_bindings_subject_fk" FOREIGN KEY ("biz_id","subject_type","subject_id") REFERENCES "public"."subjects"("biz_id","subject_type","subject_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_location_bindings" ADD CONSTRAINT "subject_location_bindings_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subjects" ADD CONSTRAINT "subjects_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_assignments" ADD CONSTRAINT "venue_amenity_assignments_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_assignments" ADD CONSTRAINT "venue_amenity_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_assignments" ADD CONSTRAINT "venue_amenity_assignments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_assignments" ADD CONSTRAINT "venue_amenity_assignments_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_assignments" ADD CONSTRAINT "venue_amenity_assignments_venue_id_fk" FOREIGN KEY ("biz_id","venue_id") REFERENCES "public"."venues"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_assignments" ADD CONSTRAINT "venue_amenity_assignments_amenity_template_id_fk" FOREIGN KEY ("biz_id","amenity_template_id") REFERENCES "public"."venue_amenity_templates"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_templates" ADD CONSTRAINT "venue_amenity_templates_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_templates" ADD CONSTRAINT "venue_amenity_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_templates" ADD CONSTRAINT "venue_amenity_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_amenity_templates" ADD CONSTRAINT "venue_amenity_templates_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_categories" ADD CONSTRAINT "venue_categories_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_categories" ADD CONSTRAINT "venue_categories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_categories" ADD CONSTRAINT "venue_categories_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_categories" ADD CONSTRAINT "venue_categories_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_status_definitions" ADD CONSTRAINT "venue_status_definitions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_status_definitions" ADD CONSTRAINT "venue_status_definitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_status_definitions" ADD CONSTRAINT "venue_status_definitions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_status_definitions" ADD CONSTRAINT "venue_status_definitions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_assignments" ADD CONSTRAINT "venue_tag_assignments_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_assignments" ADD CONSTRAINT "venue_tag_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_assignments" ADD CONSTRAINT "venue_tag_assignments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_assignments" ADD CONSTRAINT "venue_tag_assignments_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_assignments" ADD CONSTRAINT "venue_tag_assignments_venue_id_fk" FOREIGN KEY ("biz_id","venue_id") REFERENCES "public"."venues"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_assignments" ADD CONSTRAINT "venue_tag_assignments_tag_template_id_fk" FOREIGN KEY ("biz_id","tag_template_id") REFERENCES "public"."venue_tag_templates"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_templates" ADD CONSTRAINT "venue_tag_templates_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_templates" ADD CONSTRAINT "venue_tag_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_templates" ADD CONSTRAINT "venue_tag_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venue_tag_templates" ADD CONSTRAINT "venue_tag_templates_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_category_id_fk" FOREIGN KEY ("biz_id","category_id") REFERENCES "public"."venue_categories"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "venues" ADD CONSTRAINT "venues_status_definition_id_fk" FOREIGN KEY ("biz_id","status_definition_id") REFERENCES "public"."venue_status_definitions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_learner_user_id_users_id_fk" FOREIGN KEY ("learner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_certification_template_id_fk" FOREIGN KEY ("biz_id","certification_template_id") REFERENCES "public"."certification_templates"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_awards" ADD CONSTRAINT "certification_awards_enrollment_learner_fk" FOREIGN KEY ("biz_id","enrollment_id","learner_user_id") REFERENCES "public"."cohort_enrollments"("biz_id","id","learner_user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_templates" ADD CONSTRAINT "certification_templates_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_templates" ADD CONSTRAINT "certification_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_templates" ADD CONSTRAINT "certification_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_templates" ADD CONSTRAINT "certification_templates_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_templates" ADD CONSTRAINT "certification_templates_program_id_fk" FOREIGN KEY ("biz_id","program_id") REFERENCES "public"."programs"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrollments" ADD CONSTRAINT "cohort_enrollments_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrollments" ADD CONSTRAINT "cohort_enrollments_learner_user_id_users_id_fk" FOREIGN KEY ("learner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrollments" ADD CONSTRAINT "cohort_enrollments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrollments" ADD CONSTRAINT "cohort_enrollments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrollments" ADD CONSTRAINT "cohort_enrollments_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrollments" ADD CONSTRAINT "cohort_enrollments_cohort_id_fk" FOREIGN KEY ("biz_id","cohort_id") REFERENCES "public"."program_cohorts"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_enrollments" ADD CONSTRAINT "cohort_enrollments_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohort_sessions" ADD CONSTRAINT "program_cohort_sessions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohort_sessions" ADD CONSTRAINT "program_cohort_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohort_sessions" ADD CONSTRAINT "program_cohort_sessions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohort_sessions" ADD CONSTRAINT "program_cohort_sessions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohort_sessions" ADD CONSTRAINT "program_cohort_sessions_cohort_id_fk" FOREIGN KEY ("biz_id","cohort_id") REFERENCES "public"."program_cohorts"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohort_sessions" ADD CONSTRAINT "program_cohort_sessions_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohort_sessions" ADD CONSTRAINT "program_cohort_sessions_instructor_resource_id_fk" FOREIGN KEY ("biz_id","instructor_resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohort_sessions" ADD CONSTRAINT "program_cohort_sessions_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_program_id_fk" FOREIGN KEY ("biz_id","program_id") REFERENCES "public"."programs"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_cohorts" ADD CONSTRAINT "program_cohorts_lead_resource_id_fk" FOREIGN KEY ("biz_id","lead_resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_calendar_binding_id_fk" FOREIGN KEY ("biz_id","calendar_binding_id") REFERENCES "public"."calendar_bindings"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance_records" ADD CONSTRAINT "session_attendance_records_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance_records" ADD CONSTRAINT "session_attendance_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance_records" ADD CONSTRAINT "session_attendance_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance_records" ADD CONSTRAINT "session_attendance_records_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance_records" ADD CONSTRAINT "session_attendance_records_cohort_id_fk" FOREIGN KEY ("biz_id","cohort_id") REFERENCES "public"."program_cohorts"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance_records" ADD CONSTRAINT "session_attendance_records_session_fk" FOREIGN KEY ("biz_id","cohort_id","session_id") REFERENCES "public"."program_cohort_sessions"("biz_id","cohort_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_attendance_records" ADD CONSTRAINT "session_attendance_records_enrollment_fk" FOREIGN KEY ("biz_id","cohort_id","enrollment_id") REFERENCES "public"."cohort_enrollments"("biz_id","cohort_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_grants" ADD CONSTRAINT "entitlement_grants_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_grants" ADD CONSTRAINT "entitlement_grants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_grants" ADD CONSTRAINT "entitlement_grants_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_grants" ADD CONSTRAINT "entitlement_grants_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_grants" ADD CONSTRAINT "entitlement_grants_wallet_id_fk" FOREIGN KEY ("biz_id","wallet_id") REFERENCES "public"."entitlement_wallets"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_grants" ADD CONSTRAINT "entitlement_grants_membership_id_fk" FOREIGN KEY ("biz_id","membership_id") REFERENCES "public"."memberships"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_grants" ADD CONSTRAINT "entitlement_grants_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_ledger_entries" ADD CONSTRAINT "entitlement_ledger_entries_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_ledger_entries" ADD CONSTRAINT "entitlement_ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_ledger_entries" ADD CONSTRAINT "entitlement_ledger_entries_wallet_id_fk" FOREIGN KEY ("biz_id","wallet_id") REFERENCES "public"."entitlement_wallets"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_ledger_entries" ADD CONSTRAINT "entitlement_ledger_entries_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_ledger_entries" ADD CONSTRAINT "entitlement_ledger_entries_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_ledger_entries" ADD CONSTRAINT "entitlement_ledger_entries_grant_id_fk" FOREIGN KEY ("biz_id","grant_id") REFERENCES "public"."entitlement_grants"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_ledger_entries" ADD CONSTRAINT "entitlement_ledger_entries_transfer_id_fk" FOREIGN KEY ("biz_id","transfer_id") REFERENCES "public"."entitlement_transfers"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_ledger_entries" ADD CONSTRAINT "entitlement_ledger_entries_rollover_run_id_fk" FOREIGN KEY ("biz_id","rollover_run_id") REFERENCES "public"."rollover_runs"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_ledger_entries" ADD CONSTRAINT "entitlement_ledger_entries_payment_intent_tender_id_fk" FOREIGN KEY ("biz_id","payment_intent_tender_id") REFERENCES "public"."payment_intent_tenders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_transfers" ADD CONSTRAINT "entitlement_transfers_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_transfers" ADD CONSTRAINT "entitlement_transfers_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_transfers" ADD CONSTRAINT "entitlement_transfers_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_transfers" ADD CONSTRAINT "entitlement_transfers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_transfers" ADD CONSTRAINT "entitlement_transfers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_transfers" ADD CONSTRAINT "entitlement_transfers_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_transfers" ADD CONSTRAINT "entitlement_transfers_from_wallet_id_fk" FOREIGN KEY ("biz_id","from_wallet_id") REFERENCES "public"."entitlement_wallets"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_transfers" ADD CONSTRAINT "entitlement_transfers_to_wallet_id_fk" FOREIGN KEY ("biz_id","to_wallet_id") REFERENCES "public"."entitlement_wallets"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_transfers" ADD CONSTRAINT "entitlement_transfers_payment_intent_id_fk" FOREIGN KEY ("biz_id","payment_intent_id") REFERENCES "public"."payment_intents"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_wallets" ADD CONSTRAINT "entitlement_wallets_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_wallets" ADD CONSTRAINT "entitlement_wallets_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_wallets" ADD CONSTRAINT "entitlement_wallets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_wallets" ADD CONSTRAINT "entitlement_wallets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_wallets" ADD CONSTRAINT "entitlement_wallets_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_wallets" ADD CONSTRAINT "entitlement_wallets_membership_id_fk" FOREIGN KEY ("biz_id","membership_id") REFERENCES "public"."memberships"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_wallets" ADD CONSTRAINT "entitlement_wallets_group_account_id_fk" FOREIGN KEY ("biz_id","group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_plans" ADD CONSTRAINT "membership_plans_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_plans" ADD CONSTRAINT "membership_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_plans" ADD CONSTRAINT "membership_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_plans" ADD CONSTRAINT "membership_plans_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_membership_plan_id_fk" FOREIGN KEY ("biz_id","membership_plan_id") REFERENCES "public"."membership_plans"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_owner_group_account_id_fk" FOREIGN KEY ("biz_id","owner_group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollover_runs" ADD CONSTRAINT "rollover_runs_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollover_runs" ADD CONSTRAINT "rollover_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollover_runs" ADD CONSTRAINT "rollover_runs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollover_runs" ADD CONSTRAINT "rollover_runs_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollover_runs" ADD CONSTRAINT "rollover_runs_membership_plan_id_fk" FOREIGN KEY ("biz_id","membership_plan_id") REFERENCES "public"."membership_plans"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollover_runs" ADD CONSTRAINT "rollover_runs_wallet_id_fk" FOREIGN KEY ("biz_id","wallet_id") REFERENCES "public"."entitlement_wallets"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_holds" ADD CONSTRAINT "booking_holds_device_id_fk" FOREIGN KEY ("biz_id","device_id") REFERENCES "public"."devices"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_order_lines" ADD CONSTRAINT "booking_order_lines_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_order_lines" ADD CONSTRAINT "booking_order_lines_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_order_lines" ADD CONSTRAINT "booking_order_lines_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_order_lines" ADD CONSTRAINT "booking_order_lines_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_order_lines" ADD CONSTRAINT "booking_order_lines_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_order_lines" ADD CONSTRAINT "booking_order_lines_offer_component_id_fk" FOREIGN KEY ("biz_id","offer_component_id") REFERENCES "public"."offer_components"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_order_lines" ADD CONSTRAINT "booking_order_lines_seat_type_id_fk" FOREIGN KEY ("biz_id","seat_type_id") REFERENCES "public"."offer_component_seat_types"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_customer_user_id_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_checked_in_by_users_id_fk" FOREIGN KEY ("checked_in_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_offer_id_fk" FOREIGN KEY ("biz_id","offer_id") REFERENCES "public"."offers"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_offer_version_of_offer_fk" FOREIGN KEY ("biz_id","offer_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","offer_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_orders" ADD CONSTRAINT "booking_orders_customer_group_account_id_fk" FOREIGN KEY ("biz_id","customer_group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_codes" ADD CONSTRAINT "check_in_codes_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_codes" ADD CONSTRAINT "check_in_codes_used_by_users_id_fk" FOREIGN KEY ("used_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_codes" ADD CONSTRAINT "check_in_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_codes" ADD CONSTRAINT "check_in_codes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_codes" ADD CONSTRAINT "check_in_codes_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_codes" ADD CONSTRAINT "check_in_codes_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_codes" ADD CONSTRAINT "check_in_codes_unit_of_order_fk" FOREIGN KEY ("biz_id","booking_order_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","booking_order_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_in_codes" ADD CONSTRAINT "check_in_codes_used_device_id_fk" FOREIGN KEY ("biz_id","used_device_id") REFERENCES "public"."devices"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_assignments" ADD CONSTRAINT "fulfillment_assignments_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_assignments" ADD CONSTRAINT "fulfillment_assignments_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_assignments" ADD CONSTRAINT "fulfillment_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_assignments" ADD CONSTRAINT "fulfillment_assignments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_assignments" ADD CONSTRAINT "fulfillment_assignments_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_assignments" ADD CONSTRAINT "fulfillment_assignments_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_assignments" ADD CONSTRAINT "fulfillment_assignments_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_checkpoints" ADD CONSTRAINT "fulfillment_checkpoints_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_checkpoints" ADD CONSTRAINT "fulfillment_checkpoints_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_checkpoints" ADD CONSTRAINT "fulfillment_checkpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_checkpoints" ADD CONSTRAINT "fulfillment_checkpoints_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_checkpoints" ADD CONSTRAINT "fulfillment_checkpoints_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_checkpoints" ADD CONSTRAINT "fulfillment_checkpoints_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_dependencies" ADD CONSTRAINT "fulfillment_dependencies_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_dependencies" ADD CONSTRAINT "fulfillment_dependencies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_dependencies" ADD CONSTRAINT "fulfillment_dependencies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_dependencies" ADD CONSTRAINT "fulfillment_dependencies_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_dependencies" ADD CONSTRAINT "fulfillment_dependencies_predecessor_unit_id_fk" FOREIGN KEY ("biz_id","predecessor_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_dependencies" ADD CONSTRAINT "fulfillment_dependencies_successor_unit_id_fk" FOREIGN KEY ("biz_id","successor_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_units" ADD CONSTRAINT "fulfillment_units_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_units" ADD CONSTRAINT "fulfillment_units_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_units" ADD CONSTRAINT "fulfillment_units_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_units" ADD CONSTRAINT "fulfillment_units_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_units" ADD CONSTRAINT "fulfillment_units_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_units" ADD CONSTRAINT "fulfillment_units_order_line_fk" FOREIGN KEY ("biz_id","booking_order_id","booking_order_line_id") REFERENCES "public"."booking_order_lines"("biz_id","booking_order_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_units" ADD CONSTRAINT "fulfillment_units_offer_component_id_fk" FOREIGN KEY ("biz_id","offer_component_id") REFERENCES "public"."offer_components"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_units" ADD CONSTRAINT "fulfillment_units_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_units" ADD CONSTRAINT "fulfillment_units_calendar_binding_id_fk" FOREIGN KEY ("biz_id","calendar_binding_id") REFERENCES "public"."calendar_bindings"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_residency_policies" ADD CONSTRAINT "data_residency_policies_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_residency_policies" ADD CONSTRAINT "data_residency_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_residency_policies" ADD CONSTRAINT "data_residency_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_residency_policies" ADD CONSTRAINT "data_residency_policies_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_residency_policies" ADD CONSTRAINT "data_residency_policies_compliance_profile_id_fk" FOREIGN KEY ("biz_id","compliance_profile_id") REFERENCES "public"."tenant_compliance_profiles"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_subject_requests" ADD CONSTRAINT "data_subject_requests_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_released_by_user_id_users_id_fk" FOREIGN KEY ("released_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_offer_id_fk" FOREIGN KEY ("biz_id","offer_id") REFERENCES "public"."offers"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_payment_intent_id_fk" FOREIGN KEY ("biz_id","payment_intent_id") REFERENCES "public"."payment_intents"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_holds" ADD CONSTRAINT "legal_holds_audit_stream_id_fk" FOREIGN KEY ("biz_id","audit_stream_id") REFERENCES "public"."audit_streams"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_identity_modes" ADD CONSTRAINT "privacy_identity_modes_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_identity_modes" ADD CONSTRAINT "privacy_identity_modes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_identity_modes" ADD CONSTRAINT "privacy_identity_modes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "privacy_identity_modes" ADD CONSTRAINT "privacy_identity_modes_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redaction_jobs" ADD CONSTRAINT "redaction_jobs_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redaction_jobs" ADD CONSTRAINT "redaction_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redaction_jobs" ADD CONSTRAINT "redaction_jobs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redaction_jobs" ADD CONSTRAINT "redaction_jobs_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redaction_jobs" ADD CONSTRAINT "redaction_jobs_data_subject_request_id_fk" FOREIGN KEY ("biz_id","data_subject_request_id") REFERENCES "public"."data_subject_requests"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redaction_jobs" ADD CONSTRAINT "redaction_jobs_legal_hold_id_fk" FOREIGN KEY ("biz_id","legal_hold_id") REFERENCES "public"."legal_holds"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_compliance_profile_id_fk" FOREIGN KEY ("biz_id","compliance_profile_id") REFERENCES "public"."tenant_compliance_profiles"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_compliance_profiles" ADD CONSTRAINT "tenant_compliance_profiles_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_compliance_profiles" ADD CONSTRAINT "tenant_compliance_profiles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_compliance_profiles" ADD CONSTRAINT "tenant_compliance_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenant_compliance_profiles" ADD CONSTRAINT "tenant_compliance_profiles_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_forecasts" ADD CONSTRAINT "overtime_forecasts_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_forecasts" ADD CONSTRAINT "overtime_forecasts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_forecasts" ADD CONSTRAINT "overtime_forecasts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_forecasts" ADD CONSTRAINT "overtime_forecasts_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_forecasts" ADD CONSTRAINT "overtime_forecasts_overtime_policy_id_fk" FOREIGN KEY ("biz_id","overtime_policy_id") REFERENCES "public"."overtime_policies"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_forecasts" ADD CONSTRAINT "overtime_forecasts_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_policies" ADD CONSTRAINT "overtime_policies_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_policies" ADD CONSTRAINT "overtime_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_policies" ADD CONSTRAINT "overtime_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_policies" ADD CONSTRAINT "overtime_policies_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_policies" ADD CONSTRAINT "overtime_policies_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overtime_policies" ADD CONSTRAINT "overtime_policies_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_events" ADD CONSTRAINT "ranking_events_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_events" ADD CONSTRAINT "ranking_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_events" ADD CONSTRAINT "ranking_events_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_events" ADD CONSTRAINT "ranking_events_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_events" ADD CONSTRAINT "ranking_events_ranking_profile_id_fk" FOREIGN KEY ("biz_id","ranking_profile_id") REFERENCES "public"."ranking_profiles"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_events" ADD CONSTRAINT "ranking_events_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_profiles" ADD CONSTRAINT "ranking_profiles_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_profiles" ADD CONSTRAINT "ranking_profiles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_profiles" ADD CONSTRAINT "ranking_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_profiles" ADD CONSTRAINT "ranking_profiles_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_profiles" ADD CONSTRAINT "ranking_profiles_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_profiles" ADD CONSTRAINT "ranking_profiles_service_id_fk" FOREIGN KEY ("biz_id","service_id") REFERENCES "public"."services"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_scores" ADD CONSTRAINT "ranking_scores_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_scores" ADD CONSTRAINT "ranking_scores_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_scores" ADD CONSTRAINT "ranking_scores_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_scores" ADD CONSTRAINT "ranking_scores_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_scores" ADD CONSTRAINT "ranking_scores_ranking_profile_id_fk" FOREIGN KEY ("biz_id","ranking_profile_id") REFERENCES "public"."ranking_profiles"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ranking_scores" ADD CONSTRAINT "ranking_scores_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_fairness_counters" ADD CONSTRAINT "substitution_fairness_counters_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_fairness_counters" ADD CONSTRAINT "substitution_fairness_counters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_fairness_counters" ADD CONSTRAINT "substitution_fairness_counters_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_fairness_counters" ADD CONSTRAINT "substitution_fairness_counters_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_fairness_counters" ADD CONSTRAINT "substitution_fairness_counters_pool_id_fk" FOREIGN KEY ("biz_id","pool_id") REFERENCES "public"."substitution_pools"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_fairness_counters" ADD CONSTRAINT "substitution_fairness_counters_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_offers" ADD CONSTRAINT "substitution_offers_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_offers" ADD CONSTRAINT "substitution_offers_responded_by_user_id_users_id_fk" FOREIGN KEY ("responded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_offers" ADD CONSTRAINT "substitution_offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_offers" ADD CONSTRAINT "substitution_offers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_offers" ADD CONSTRAINT "substitution_offers_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_offers" ADD CONSTRAINT "substitution_offers_request_id_fk" FOREIGN KEY ("biz_id","request_id") REFERENCES "public"."substitution_requests"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_offers" ADD CONSTRAINT "substitution_offers_candidate_resource_id_fk" FOREIGN KEY ("biz_id","candidate_resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pool_members" ADD CONSTRAINT "substitution_pool_members_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pool_members" ADD CONSTRAINT "substitution_pool_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pool_members" ADD CONSTRAINT "substitution_pool_members_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pool_members" ADD CONSTRAINT "substitution_pool_members_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pool_members" ADD CONSTRAINT "substitution_pool_members_pool_id_fk" FOREIGN KEY ("biz_id","pool_id") REFERENCES "public"."substitution_pools"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pool_members" ADD CONSTRAINT "substitution_pool_members_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pools" ADD CONSTRAINT "substitution_pools_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pools" ADD CONSTRAINT "substitution_pools_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pools" ADD CONSTRAINT "substitution_pools_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pools" ADD CONSTRAINT "substitution_pools_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pools" ADD CONSTRAINT "substitution_pools_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pools" ADD CONSTRAINT "substitution_pools_service_id_fk" FOREIGN KEY ("biz_id","service_id") REFERENCES "public"."services"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_pools" ADD CONSTRAINT "substitution_pools_ranking_profile_id_fk" FOREIGN KEY ("biz_id","ranking_profile_id") REFERENCES "public"."ranking_profiles"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_pool_id_fk" FOREIGN KEY ("biz_id","pool_id") REFERENCES "public"."substitution_pools"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_fulfillment_assignment_id_fk" FOREIGN KEY ("biz_id","fulfillment_assignment_id") REFERENCES "public"."fulfillment_assignments"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_original_resource_id_fk" FOREIGN KEY ("biz_id","original_resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_replacement_resource_id_fk" FOREIGN KEY ("biz_id","replacement_resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "substitution_requests" ADD CONSTRAINT "substitution_requests_replacement_assignment_id_fk" FOREIGN KEY ("biz_id","replacement_assignment_id") REFERENCES "public"."fulfillment_assignments"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_marketplace_listing_id_fk" FOREIGN KEY ("biz_id","marketplace_listing_id") REFERENCES "public"."marketplace_listings"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_target_subject_fk" FOREIGN KEY ("biz_id","target_subject_type","target_subject_id") REFERENCES "public"."subjects"("biz_id","subject_type","subject_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auctions" ADD CONSTRAINT "auctions_winning_bid_fk" FOREIGN KEY ("biz_id","id","winning_bid_id") REFERENCES "public"."bids"("biz_id","auction_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_bidder_biz_id_bizes_id_fk" FOREIGN KEY ("bidder_biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_bidder_user_id_users_id_fk" FOREIGN KEY ("bidder_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_auction_fk" FOREIGN KEY ("biz_id","auction_id","currency") REFERENCES "public"."auctions"("biz_id","id","currency") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_contracts" ADD CONSTRAINT "cross_biz_contracts_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_contracts" ADD CONSTRAINT "cross_biz_contracts_counterparty_biz_id_bizes_id_fk" FOREIGN KEY ("counterparty_biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_contracts" ADD CONSTRAINT "cross_biz_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_contracts" ADD CONSTRAINT "cross_biz_contracts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_contracts" ADD CONSTRAINT "cross_biz_contracts_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_orders" ADD CONSTRAINT "cross_biz_orders_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_orders" ADD CONSTRAINT "cross_biz_orders_buyer_biz_id_bizes_id_fk" FOREIGN KEY ("buyer_biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_orders" ADD CONSTRAINT "cross_biz_orders_seller_biz_id_bizes_id_fk" FOREIGN KEY ("seller_biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_orders" ADD CONSTRAINT "cross_biz_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_orders" ADD CONSTRAINT "cross_biz_orders_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_orders" ADD CONSTRAINT "cross_biz_orders_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_orders" ADD CONSTRAINT "cross_biz_orders_contract_id_fk" FOREIGN KEY ("biz_id","contract_id") REFERENCES "public"."cross_biz_contracts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_orders" ADD CONSTRAINT "cross_biz_orders_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cross_biz_orders" ADD CONSTRAINT "cross_biz_orders_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_listings" ADD CONSTRAINT "marketplace_listings_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_listings" ADD CONSTRAINT "marketplace_listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_listings" ADD CONSTRAINT "marketplace_listings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_listings" ADD CONSTRAINT "marketplace_listings_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_listings" ADD CONSTRAINT "marketplace_listings_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marketplace_listings" ADD CONSTRAINT "marketplace_listings_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referrer_user_id_users_id_fk" FOREIGN KEY ("referrer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referred_user_id_users_id_fk" FOREIGN KEY ("referred_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_program_id_fk" FOREIGN KEY ("biz_id","referral_program_id") REFERENCES "public"."referral_programs"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_cross_biz_order_id_fk" FOREIGN KEY ("biz_id","cross_biz_order_id") REFERENCES "public"."cross_biz_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_programs" ADD CONSTRAINT "referral_programs_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_programs" ADD CONSTRAINT "referral_programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_programs" ADD CONSTRAINT "referral_programs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_programs" ADD CONSTRAINT "referral_programs_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_share_rules" ADD CONSTRAINT "revenue_share_rules_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_share_rules" ADD CONSTRAINT "revenue_share_rules_counterparty_biz_id_bizes_id_fk" FOREIGN KEY ("counterparty_biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_share_rules" ADD CONSTRAINT "revenue_share_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_share_rules" ADD CONSTRAINT "revenue_share_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_share_rules" ADD CONSTRAINT "revenue_share_rules_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_share_rules" ADD CONSTRAINT "revenue_share_rules_contract_id_fk" FOREIGN KEY ("biz_id","contract_id") REFERENCES "public"."cross_biz_contracts"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_share_rules" ADD CONSTRAINT "revenue_share_rules_marketplace_listing_id_fk" FOREIGN KEY ("biz_id","marketplace_listing_id") REFERENCES "public"."marketplace_listings"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_grants" ADD CONSTRAINT "reward_grants_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_grants" ADD CONSTRAINT "reward_grants_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_grants" ADD CONSTRAINT "reward_grants_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_grants" ADD CONSTRAINT "reward_grants_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_grants" ADD CONSTRAINT "reward_grants_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_grants" ADD CONSTRAINT "reward_grants_referral_program_id_fk" FOREIGN KEY ("biz_id","referral_program_id") REFERENCES "public"."referral_programs"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reward_grants" ADD CONSTRAINT "reward_grants_referral_event_fk" FOREIGN KEY ("biz_id","referral_program_id","referral_event_id") REFERENCES "public"."referral_events"("biz_id","referral_program_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_access_overrides" ADD CONSTRAINT "note_access_overrides_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_access_overrides" ADD CONSTRAINT "note_access_overrides_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_access_overrides" ADD CONSTRAINT "note_access_overrides_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_access_overrides" ADD CONSTRAINT "note_access_overrides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_access_overrides" ADD CONSTRAINT "note_access_overrides_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_access_overrides" ADD CONSTRAINT "note_access_overrides_note_id_fk" FOREIGN KEY ("biz_id","note_id") REFERENCES "public"."notes"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_revisions" ADD CONSTRAINT "note_revisions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_revisions" ADD CONSTRAINT "note_revisions_edited_by_user_id_users_id_fk" FOREIGN KEY ("edited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_revisions" ADD CONSTRAINT "note_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_revisions" ADD CONSTRAINT "note_revisions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_revisions" ADD CONSTRAINT "note_revisions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_revisions" ADD CONSTRAINT "note_revisions_note_id_fk" FOREIGN KEY ("biz_id","note_id") REFERENCES "public"."notes"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_customer_user_id_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_edited_by_user_id_users_id_fk" FOREIGN KEY ("edited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_offer_id_fk" FOREIGN KEY ("biz_id","offer_id") REFERENCES "public"."offers"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_queue_entry_id_fk" FOREIGN KEY ("biz_id","queue_entry_id") REFERENCES "public"."queue_entries"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_trip_id_fk" FOREIGN KEY ("biz_id","trip_id") REFERENCES "public"."transport_trips"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_custom_subject_id_fk" FOREIGN KEY ("biz_id","custom_subject_id") REFERENCES "public"."subjects"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_seat_types" ADD CONSTRAINT "offer_component_seat_types_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_seat_types" ADD CONSTRAINT "offer_component_seat_types_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_seat_types" ADD CONSTRAINT "offer_component_seat_types_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_seat_types" ADD CONSTRAINT "offer_component_seat_types_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_seat_types" ADD CONSTRAINT "offer_component_seat_types_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_seat_types" ADD CONSTRAINT "offer_component_seat_types_component_fk" FOREIGN KEY ("biz_id","offer_version_id","component_id") REFERENCES "public"."offer_components"("biz_id","offer_version_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_selectors" ADD CONSTRAINT "offer_component_selectors_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_selectors" ADD CONSTRAINT "offer_component_selectors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_selectors" ADD CONSTRAINT "offer_component_selectors_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_selectors" ADD CONSTRAINT "offer_component_selectors_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_selectors" ADD CONSTRAINT "offer_component_selectors_component_id_fk" FOREIGN KEY ("biz_id","component_id") REFERENCES "public"."offer_components"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_selectors" ADD CONSTRAINT "offer_component_selectors_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_selectors" ADD CONSTRAINT "offer_component_selectors_capability_template_id_fk" FOREIGN KEY ("biz_id","capability_template_id") REFERENCES "public"."resource_capability_templates"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_selectors" ADD CONSTRAINT "offer_component_selectors_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_component_selectors" ADD CONSTRAINT "offer_component_selectors_subject_id_fk" FOREIGN KEY ("biz_id","subject_id") REFERENCES "public"."subjects"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_components" ADD CONSTRAINT "offer_components_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_components" ADD CONSTRAINT "offer_components_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_components" ADD CONSTRAINT "offer_components_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_components" ADD CONSTRAINT "offer_components_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_components" ADD CONSTRAINT "offer_components_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_offer_id_fk" FOREIGN KEY ("biz_id","offer_id") REFERENCES "public"."offers"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_disputes" ADD CONSTRAINT "payment_disputes_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_disputes" ADD CONSTRAINT "payment_disputes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_disputes" ADD CONSTRAINT "payment_disputes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_disputes" ADD CONSTRAINT "payment_disputes_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_disputes" ADD CONSTRAINT "payment_disputes_payment_intent_id_fk" FOREIGN KEY ("biz_id","payment_intent_id") REFERENCES "public"."payment_intents"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_disputes" ADD CONSTRAINT "payment_disputes_transaction_fk" FOREIGN KEY ("biz_id","payment_intent_id","payment_transaction_id") REFERENCES "public"."payment_transactions"("biz_id","payment_intent_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intent_tenders" ADD CONSTRAINT "payment_intent_tenders_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intent_tenders" ADD CONSTRAINT "payment_intent_tenders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intent_tenders" ADD CONSTRAINT "payment_intent_tenders_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intent_tenders" ADD CONSTRAINT "payment_intent_tenders_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intent_tenders" ADD CONSTRAINT "payment_intent_tenders_payment_intent_id_fk" FOREIGN KEY ("biz_id","payment_intent_id") REFERENCES "public"."payment_intents"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intent_tenders" ADD CONSTRAINT "payment_intent_tenders_payment_method_id_fk" FOREIGN KEY ("biz_id","payment_method_id") REFERENCES "public"."payment_methods"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intent_tenders" ADD CONSTRAINT "payment_intent_tenders_entitlement_wallet_id_fk" FOREIGN KEY ("biz_id","entitlement_wallet_id") REFERENCES "public"."entitlement_wallets"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_intents" ADD CONSTRAINT "payment_intents_cross_biz_order_id_fk" FOREIGN KEY ("biz_id","cross_biz_order_id") REFERENCES "public"."cross_biz_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_owner_group_account_id_fk" FOREIGN KEY ("biz_id","owner_group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_transactions" ADD CONSTRAINT "payment_transactions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_transactions" ADD CONSTRAINT "payment_transactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_transactions" ADD CONSTRAINT "payment_transactions_payment_intent_id_fk" FOREIGN KEY ("biz_id","payment_intent_id") REFERENCES "public"."payment_intents"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_transactions" ADD CONSTRAINT "payment_transactions_tender_fk" FOREIGN KEY ("biz_id","payment_intent_id","tender_id") REFERENCES "public"."payment_intent_tenders"("biz_id","payment_intent_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_transactions" ADD CONSTRAINT "payment_transactions_reverses_transaction_id_fk" FOREIGN KEY ("biz_id","reverses_transaction_id") REFERENCES "public"."payment_transactions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_ledger_entries" ADD CONSTRAINT "payout_ledger_entries_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_ledger_entries" ADD CONSTRAINT "payout_ledger_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_ledger_entries" ADD CONSTRAINT "payout_ledger_entries_payout_id_fk" FOREIGN KEY ("biz_id","payout_id") REFERENCES "public"."payouts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_ledger_entries" ADD CONSTRAINT "payout_ledger_entries_settlement_entry_id_fk" FOREIGN KEY ("biz_id","settlement_entry_id") REFERENCES "public"."settlement_entries"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_settlement_batch_id_fk" FOREIGN KEY ("biz_id","settlement_batch_id") REFERENCES "public"."settlement_batches"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batches" ADD CONSTRAINT "settlement_batches_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batches" ADD CONSTRAINT "settlement_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batches" ADD CONSTRAINT "settlement_batches_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_batches" ADD CONSTRAINT "settlement_batches_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_entries" ADD CONSTRAINT "settlement_entries_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_entries" ADD CONSTRAINT "settlement_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_entries" ADD CONSTRAINT "settlement_entries_settlement_batch_id_fk" FOREIGN KEY ("biz_id","settlement_batch_id") REFERENCES "public"."settlement_batches"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_entries" ADD CONSTRAINT "settlement_entries_payment_transaction_id_fk" FOREIGN KEY ("biz_id","payment_transaction_id") REFERENCES "public"."payment_transactions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_entries" ADD CONSTRAINT "settlement_entries_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_entries" ADD CONSTRAINT "settlement_entries_cross_biz_order_id_fk" FOREIGN KEY ("biz_id","cross_biz_order_id") REFERENCES "public"."cross_biz_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_customer_user_id_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_queue_id_fk" FOREIGN KEY ("biz_id","queue_id") REFERENCES "public"."queues"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_customer_group_account_id_fk" FOREIGN KEY ("biz_id","customer_group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_service_id_fk" FOREIGN KEY ("biz_id","service_id") REFERENCES "public"."services"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_requested_offer_version_id_fk" FOREIGN KEY ("biz_id","requested_offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_entries" ADD CONSTRAINT "queue_entries_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_events" ADD CONSTRAINT "queue_events_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_events" ADD CONSTRAINT "queue_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_events" ADD CONSTRAINT "queue_events_queue_id_fk" FOREIGN KEY ("biz_id","queue_id") REFERENCES "public"."queues"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_events" ADD CONSTRAINT "queue_events_ticket_fk" FOREIGN KEY ("biz_id","ticket_id","queue_id") REFERENCES "public"."queue_tickets"("biz_id","id","queue_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_events" ADD CONSTRAINT "queue_events_queue_entry_id_fk" FOREIGN KEY ("biz_id","queue_entry_id") REFERENCES "public"."queue_entries"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_events" ADD CONSTRAINT "queue_events_device_id_fk" FOREIGN KEY ("biz_id","device_id") REFERENCES "public"."devices"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_events" ADD CONSTRAINT "queue_events_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_customer_user_id_users_id_fk" FOREIGN KEY ("customer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_queue_id_fk" FOREIGN KEY ("biz_id","queue_id") REFERENCES "public"."queues"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_entry_fk" FOREIGN KEY ("biz_id","queue_entry_id","queue_id") REFERENCES "public"."queue_entries"("biz_id","id","queue_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_service_id_fk" FOREIGN KEY ("biz_id","service_id") REFERENCES "public"."services"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_issued_by_device_id_fk" FOREIGN KEY ("biz_id","issued_by_device_id") REFERENCES "public"."devices"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_assigned_resource_id_fk" FOREIGN KEY ("biz_id","assigned_resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_service_id_fk" FOREIGN KEY ("biz_id","service_id") REFERENCES "public"."services"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queues" ADD CONSTRAINT "queues_calendar_binding_id_fk" FOREIGN KEY ("biz_id","calendar_binding_id") REFERENCES "public"."calendar_bindings"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_queue_id_fk" FOREIGN KEY ("biz_id","queue_id") REFERENCES "public"."queues"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_ticket_id_fk" FOREIGN KEY ("biz_id","ticket_id") REFERENCES "public"."queue_tickets"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_service_id_fk" FOREIGN KEY ("biz_id","service_id") REFERENCES "public"."services"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_time_observations" ADD CONSTRAINT "service_time_observations_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wait_time_predictions" ADD CONSTRAINT "wait_time_predictions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wait_time_predictions" ADD CONSTRAINT "wait_time_predictions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wait_time_predictions" ADD CONSTRAINT "wait_time_predictions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wait_time_predictions" ADD CONSTRAINT "wait_time_predictions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wait_time_predictions" ADD CONSTRAINT "wait_time_predictions_queue_id_fk" FOREIGN KEY ("biz_id","queue_id") REFERENCES "public"."queues"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wait_time_predictions" ADD CONSTRAINT "wait_time_predictions_ticket_id_fk" FOREIGN KEY ("biz_id","ticket_id") REFERENCES "public"."queue_tickets"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wait_time_predictions" ADD CONSTRAINT "wait_time_predictions_queue_entry_id_fk" FOREIGN KEY ("biz_id","queue_entry_id") REFERENCES "public"."queue_entries"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_accounts" ADD CONSTRAINT "stripe_accounts_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_accounts" ADD CONSTRAINT "stripe_accounts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_accounts" ADD CONSTRAINT "stripe_accounts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_accounts" ADD CONSTRAINT "stripe_accounts_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkout_sessions" ADD CONSTRAINT "stripe_checkout_sessions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkout_sessions" ADD CONSTRAINT "stripe_checkout_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkout_sessions" ADD CONSTRAINT "stripe_checkout_sessions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkout_sessions" ADD CONSTRAINT "stripe_checkout_sessions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkout_sessions" ADD CONSTRAINT "stripe_checkout_sessions_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkout_sessions" ADD CONSTRAINT "stripe_checkout_sessions_cross_biz_order_id_fk" FOREIGN KEY ("biz_id","cross_biz_order_id") REFERENCES "public"."cross_biz_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkout_sessions" ADD CONSTRAINT "stripe_checkout_sessions_payment_intent_id_fk" FOREIGN KEY ("biz_id","payment_intent_id") REFERENCES "public"."payment_intents"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkout_sessions" ADD CONSTRAINT "stripe_checkout_sessions_stripe_customer_ref_id_fk" FOREIGN KEY ("biz_id","stripe_customer_ref_id") REFERENCES "public"."stripe_customers"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_checkout_sessions" ADD CONSTRAINT "stripe_checkout_sessions_stripe_account_ref_id_fk" FOREIGN KEY ("biz_id","stripe_account_ref_id") REFERENCES "public"."stripe_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_stripe_account_ref_id_fk" FOREIGN KEY ("biz_id","stripe_account_ref_id") REFERENCES "public"."stripe_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_group_account_id_fk" FOREIGN KEY ("biz_id","group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD CONSTRAINT "stripe_invoices_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD CONSTRAINT "stripe_invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD CONSTRAINT "stripe_invoices_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD CONSTRAINT "stripe_invoices_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD CONSTRAINT "stripe_invoices_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD CONSTRAINT "stripe_invoices_cross_biz_order_id_fk" FOREIGN KEY ("biz_id","cross_biz_order_id") REFERENCES "public"."cross_biz_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD CONSTRAINT "stripe_invoices_stripe_customer_ref_id_fk" FOREIGN KEY ("biz_id","stripe_customer_ref_id") REFERENCES "public"."stripe_customers"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_invoices" ADD CONSTRAINT "stripe_invoices_stripe_account_ref_id_fk" FOREIGN KEY ("biz_id","stripe_account_ref_id") REFERENCES "public"."stripe_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payment_methods" ADD CONSTRAINT "stripe_payment_methods_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payment_methods" ADD CONSTRAINT "stripe_payment_methods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payment_methods" ADD CONSTRAINT "stripe_payment_methods_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payment_methods" ADD CONSTRAINT "stripe_payment_methods_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payment_methods" ADD CONSTRAINT "stripe_payment_methods_stripe_customer_ref_id_fk" FOREIGN KEY ("biz_id","stripe_customer_ref_id") REFERENCES "public"."stripe_customers"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payment_methods" ADD CONSTRAINT "stripe_payment_methods_payment_method_id_fk" FOREIGN KEY ("biz_id","payment_method_id") REFERENCES "public"."payment_methods"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payouts" ADD CONSTRAINT "stripe_payouts_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payouts" ADD CONSTRAINT "stripe_payouts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payouts" ADD CONSTRAINT "stripe_payouts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payouts" ADD CONSTRAINT "stripe_payouts_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payouts" ADD CONSTRAINT "stripe_payouts_stripe_account_ref_id_fk" FOREIGN KEY ("biz_id","stripe_account_ref_id") REFERENCES "public"."stripe_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_payouts" ADD CONSTRAINT "stripe_payouts_payout_id_fk" FOREIGN KEY ("biz_id","payout_id") REFERENCES "public"."payouts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_setup_intents" ADD CONSTRAINT "stripe_setup_intents_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_setup_intents" ADD CONSTRAINT "stripe_setup_intents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_setup_intents" ADD CONSTRAINT "stripe_setup_intents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_setup_intents" ADD CONSTRAINT "stripe_setup_intents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_setup_intents" ADD CONSTRAINT "stripe_setup_intents_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_setup_intents" ADD CONSTRAINT "stripe_setup_intents_group_account_id_fk" FOREIGN KEY ("biz_id","group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_setup_intents" ADD CONSTRAINT "stripe_setup_intents_stripe_customer_ref_id_fk" FOREIGN KEY ("biz_id","stripe_customer_ref_id") REFERENCES "public"."stripe_customers"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_cross_biz_order_id_fk" FOREIGN KEY ("biz_id","cross_biz_order_id") REFERENCES "public"."cross_biz_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_payment_intent_id_fk" FOREIGN KEY ("biz_id","payment_intent_id") REFERENCES "public"."payment_intents"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_payment_transaction_id_fk" FOREIGN KEY ("biz_id","payment_transaction_id") REFERENCES "public"."payment_transactions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_transfers" ADD CONSTRAINT "stripe_transfers_destination_account_ref_id_fk" FOREIGN KEY ("biz_id","destination_account_ref_id") REFERENCES "public"."stripe_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_webhook_events" ADD CONSTRAINT "stripe_webhook_events_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_webhook_events" ADD CONSTRAINT "stripe_webhook_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_webhook_events" ADD CONSTRAINT "stripe_webhook_events_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_webhook_events" ADD CONSTRAINT "stripe_webhook_events_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_webhook_events" ADD CONSTRAINT "stripe_webhook_events_stripe_account_ref_id_fk" FOREIGN KEY ("biz_id","stripe_account_ref_id") REFERENCES "public"."stripe_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_assignments" ADD CONSTRAINT "resource_capability_assignments_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_assignments" ADD CONSTRAINT "resource_capability_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_assignments" ADD CONSTRAINT "resource_capability_assignments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_assignments" ADD CONSTRAINT "resource_capability_assignments_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_assignments" ADD CONSTRAINT "resource_capability_assignments_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_assignments" ADD CONSTRAINT "resource_capability_assignments_capability_template_id_fk" FOREIGN KEY ("biz_id","capability_template_id") REFERENCES "public"."resource_capability_templates"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_templates" ADD CONSTRAINT "resource_capability_templates_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_templates" ADD CONSTRAINT "resource_capability_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_templates" ADD CONSTRAINT "resource_capability_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_templates" ADD CONSTRAINT "resource_capability_templates_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_capability_templates" ADD CONSTRAINT "resource_capability_templates_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_condition_reports" ADD CONSTRAINT "resource_condition_reports_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_condition_reports" ADD CONSTRAINT "resource_condition_reports_reporter_user_id_users_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_condition_reports" ADD CONSTRAINT "resource_condition_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_condition_reports" ADD CONSTRAINT "resource_condition_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_condition_reports" ADD CONSTRAINT "resource_condition_reports_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_condition_reports" ADD CONSTRAINT "resource_condition_reports_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_condition_reports" ADD CONSTRAINT "resource_condition_reports_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_policies" ADD CONSTRAINT "resource_maintenance_policies_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_policies" ADD CONSTRAINT "resource_maintenance_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_policies" ADD CONSTRAINT "resource_maintenance_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_policies" ADD CONSTRAINT "resource_maintenance_policies_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_policies" ADD CONSTRAINT "resource_maintenance_policies_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_policies" ADD CONSTRAINT "resource_maintenance_policies_capability_template_id_fk" FOREIGN KEY ("biz_id","capability_template_id") REFERENCES "public"."resource_capability_templates"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_work_orders" ADD CONSTRAINT "resource_maintenance_work_orders_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_work_orders" ADD CONSTRAINT "resource_maintenance_work_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_work_orders" ADD CONSTRAINT "resource_maintenance_work_orders_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_work_orders" ADD CONSTRAINT "resource_maintenance_work_orders_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_work_orders" ADD CONSTRAINT "resource_maintenance_work_orders_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_work_orders" ADD CONSTRAINT "resource_maintenance_work_orders_policy_id_fk" FOREIGN KEY ("biz_id","policy_id") REFERENCES "public"."resource_maintenance_policies"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_maintenance_work_orders" ADD CONSTRAINT "resource_maintenance_work_orders_calendar_id_fk" FOREIGN KEY ("biz_id","calendar_id") REFERENCES "public"."calendars"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_usage_counters" ADD CONSTRAINT "resource_usage_counters_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_usage_counters" ADD CONSTRAINT "resource_usage_counters_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_usage_counters" ADD CONSTRAINT "resource_usage_counters_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_usage_counters" ADD CONSTRAINT "resource_usage_counters_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_usage_counters" ADD CONSTRAINT "resource_usage_counters_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_mutations" ADD CONSTRAINT "client_mutations_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_mutations" ADD CONSTRAINT "client_mutations_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_mutations" ADD CONSTRAINT "client_mutations_client_id_fk" FOREIGN KEY ("biz_id","client_id") REFERENCES "public"."devices"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_member_id_fk" FOREIGN KEY ("biz_id","member_id") REFERENCES "public"."members"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_resolution_runs" ADD CONSTRAINT "availability_resolution_runs_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_resolution_runs" ADD CONSTRAINT "availability_resolution_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_resolution_runs" ADD CONSTRAINT "availability_resolution_runs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_resolution_runs" ADD CONSTRAINT "availability_resolution_runs_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_resolution_runs" ADD CONSTRAINT "availability_resolution_runs_calendar_id_fk" FOREIGN KEY ("biz_id","calendar_id") REFERENCES "public"."calendars"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_calendar_id_fk" FOREIGN KEY ("biz_id","calendar_id") REFERENCES "public"."calendars"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_overlay_fk" FOREIGN KEY ("biz_id","calendar_id","overlay_id") REFERENCES "public"."calendar_overlays"("biz_id","calendar_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_calendar_id_fk" FOREIGN KEY ("biz_id","calendar_id") REFERENCES "public"."calendars"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_service_id_fk" FOREIGN KEY ("biz_id","service_id") REFERENCES "public"."services"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_service_product_id_fk" FOREIGN KEY ("biz_id","service_product_id") REFERENCES "public"."service_products"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_offer_id_fk" FOREIGN KEY ("biz_id","offer_id") REFERENCES "public"."offers"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_bindings" ADD CONSTRAINT "calendar_bindings_subject_id_fk" FOREIGN KEY ("biz_id","subject_id") REFERENCES "public"."subjects"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overlays" ADD CONSTRAINT "calendar_overlays_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overlays" ADD CONSTRAINT "calendar_overlays_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overlays" ADD CONSTRAINT "calendar_overlays_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overlays" ADD CONSTRAINT "calendar_overlays_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overlays" ADD CONSTRAINT "calendar_overlays_calendar_id_fk" FOREIGN KEY ("biz_id","calendar_id") REFERENCES "public"."calendars"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendars" ADD CONSTRAINT "calendars_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pool_members" ADD CONSTRAINT "capacity_pool_members_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pool_members" ADD CONSTRAINT "capacity_pool_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pool_members" ADD CONSTRAINT "capacity_pool_members_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pool_members" ADD CONSTRAINT "capacity_pool_members_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pool_members" ADD CONSTRAINT "capacity_pool_members_capacity_pool_id_fk" FOREIGN KEY ("biz_id","capacity_pool_id") REFERENCES "public"."capacity_pools"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pool_members" ADD CONSTRAINT "capacity_pool_members_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pool_members" ADD CONSTRAINT "capacity_pool_members_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pool_members" ADD CONSTRAINT "capacity_pool_members_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pool_members" ADD CONSTRAINT "capacity_pool_members_subject_id_fk" FOREIGN KEY ("biz_id","subject_id") REFERENCES "public"."subjects"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pools" ADD CONSTRAINT "capacity_pools_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pools" ADD CONSTRAINT "capacity_pools_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pools" ADD CONSTRAINT "capacity_pools_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_pools" ADD CONSTRAINT "capacity_pools_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_trip_id_fk" FOREIGN KEY ("biz_id","trip_id") REFERENCES "public"."transport_trips"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_tasks" ADD CONSTRAINT "dispatch_tasks_assigned_resource_id_fk" FOREIGN KEY ("biz_id","assigned_resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eta_events" ADD CONSTRAINT "eta_events_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eta_events" ADD CONSTRAINT "eta_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eta_events" ADD CONSTRAINT "eta_events_trip_fk" FOREIGN KEY ("biz_id","route_id","trip_id") REFERENCES "public"."transport_trips"("biz_id","route_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eta_events" ADD CONSTRAINT "eta_events_route_stop_fk" FOREIGN KEY ("biz_id","route_id","route_stop_id") REFERENCES "public"."transport_route_stops"("biz_id","route_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fleet_vehicles" ADD CONSTRAINT "fleet_vehicles_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fleet_vehicles" ADD CONSTRAINT "fleet_vehicles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fleet_vehicles" ADD CONSTRAINT "fleet_vehicles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fleet_vehicles" ADD CONSTRAINT "fleet_vehicles_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fleet_vehicles" ADD CONSTRAINT "fleet_vehicles_resource_id_fk" FOREIGN KEY ("biz_id","resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_route_stops" ADD CONSTRAINT "transport_route_stops_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_route_stops" ADD CONSTRAINT "transport_route_stops_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_route_stops" ADD CONSTRAINT "transport_route_stops_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_route_stops" ADD CONSTRAINT "transport_route_stops_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_route_stops" ADD CONSTRAINT "transport_route_stops_route_id_fk" FOREIGN KEY ("biz_id","route_id") REFERENCES "public"."transport_routes"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_route_stops" ADD CONSTRAINT "transport_route_stops_location_id_fk" FOREIGN KEY ("biz_id","location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_routes" ADD CONSTRAINT "transport_routes_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_routes" ADD CONSTRAINT "transport_routes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_routes" ADD CONSTRAINT "transport_routes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_routes" ADD CONSTRAINT "transport_routes_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_routes" ADD CONSTRAINT "transport_routes_origin_location_id_fk" FOREIGN KEY ("biz_id","origin_location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_routes" ADD CONSTRAINT "transport_routes_destination_location_id_fk" FOREIGN KEY ("biz_id","destination_location_id") REFERENCES "public"."locations"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_trips" ADD CONSTRAINT "transport_trips_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_trips" ADD CONSTRAINT "transport_trips_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_trips" ADD CONSTRAINT "transport_trips_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_trips" ADD CONSTRAINT "transport_trips_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_trips" ADD CONSTRAINT "transport_trips_route_id_fk" FOREIGN KEY ("biz_id","route_id") REFERENCES "public"."transport_routes"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_trips" ADD CONSTRAINT "transport_trips_offer_version_id_fk" FOREIGN KEY ("biz_id","offer_version_id") REFERENCES "public"."offer_versions"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_trips" ADD CONSTRAINT "transport_trips_fleet_vehicle_id_fk" FOREIGN KEY ("biz_id","fleet_vehicle_id") REFERENCES "public"."fleet_vehicles"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_trips" ADD CONSTRAINT "transport_trips_driver_resource_id_fk" FOREIGN KEY ("biz_id","driver_resource_id") REFERENCES "public"."resources"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transport_trips" ADD CONSTRAINT "transport_trips_calendar_binding_id_fk" FOREIGN KEY ("biz_id","calendar_binding_id") REFERENCES "public"."calendar_bindings"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_passenger_user_id_users_id_fk" FOREIGN KEY ("passenger_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_trip_id_fk" FOREIGN KEY ("biz_id","trip_id") REFERENCES "public"."transport_trips"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_queue_entry_id_fk" FOREIGN KEY ("biz_id","queue_entry_id") REFERENCES "public"."queue_entries"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_manifests" ADD CONSTRAINT "trip_manifests_passenger_group_account_id_fk" FOREIGN KEY ("biz_id","passenger_group_account_id") REFERENCES "public"."group_accounts"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_stop_inventory" ADD CONSTRAINT "trip_stop_inventory_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_stop_inventory" ADD CONSTRAINT "trip_stop_inventory_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_stop_inventory" ADD CONSTRAINT "trip_stop_inventory_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_stop_inventory" ADD CONSTRAINT "trip_stop_inventory_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_stop_inventory" ADD CONSTRAINT "trip_stop_inventory_trip_fk" FOREIGN KEY ("biz_id","route_id","trip_id") REFERENCES "public"."transport_trips"("biz_id","route_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trip_stop_inventory" ADD CONSTRAINT "trip_stop_inventory_route_stop_fk" FOREIGN KEY ("biz_id","route_id","route_stop_id") REFERENCES "public"."transport_route_stops"("biz_id","route_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "async_deliverables" ADD CONSTRAINT "async_deliverables_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "async_deliverables" ADD CONSTRAINT "async_deliverables_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "async_deliverables" ADD CONSTRAINT "async_deliverables_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "async_deliverables" ADD CONSTRAINT "async_deliverables_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "async_deliverables" ADD CONSTRAINT "async_deliverables_workflow_instance_id_fk" FOREIGN KEY ("biz_id","workflow_instance_id") REFERENCES "public"."workflow_instances"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "async_deliverables" ADD CONSTRAINT "async_deliverables_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "async_deliverables" ADD CONSTRAINT "async_deliverables_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_items" ADD CONSTRAINT "review_queue_items_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_items" ADD CONSTRAINT "review_queue_items_assigned_to_user_id_users_id_fk" FOREIGN KEY ("assigned_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_items" ADD CONSTRAINT "review_queue_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_items" ADD CONSTRAINT "review_queue_items_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_items" ADD CONSTRAINT "review_queue_items_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_items" ADD CONSTRAINT "review_queue_items_review_queue_id_fk" FOREIGN KEY ("biz_id","review_queue_id") REFERENCES "public"."review_queues"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_items" ADD CONSTRAINT "review_queue_items_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_items" ADD CONSTRAINT "review_queue_items_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_decisions" ADD CONSTRAINT "workflow_decisions_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_decisions" ADD CONSTRAINT "workflow_decisions_decider_user_id_users_id_fk" FOREIGN KEY ("decider_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_decisions" ADD CONSTRAINT "workflow_decisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_decisions" ADD CONSTRAINT "workflow_decisions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_decisions" ADD CONSTRAINT "workflow_decisions_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_decisions" ADD CONSTRAINT "workflow_decisions_workflow_instance_id_fk" FOREIGN KEY ("biz_id","workflow_instance_id") REFERENCES "public"."workflow_instances"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_decisions" ADD CONSTRAINT "workflow_decisions_workflow_step_fk" FOREIGN KEY ("biz_id","workflow_instance_id","workflow_step_id") REFERENCES "public"."workflow_steps"("biz_id","workflow_instance_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_booking_order_id_fk" FOREIGN KEY ("biz_id","booking_order_id") REFERENCES "public"."booking_orders"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_review_queue_item_id_fk" FOREIGN KEY ("biz_id","review_queue_item_id") REFERENCES "public"."review_queue_items"("biz_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_assigned_to_user_id_users_id_fk" FOREIGN KEY ("assigned_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_workflow_instance_id_fk" FOREIGN KEY ("biz_id","workflow_instance_id") REFERENCES "public"."workflow_instances"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_biz_server_time_idx" ON "audit_events" USING btree ("biz_id","server_time");--> statement-breakpoint
CREATE INDEX "audit_events_biz_subject_idx" ON "audit_events" USING btree ("biz_id","subject_table","subject_id","server_time");--> statement-breakpoint
CREATE INDEX "audit_events_biz_actor_idx" ON "audit_events" USING btree ("biz_id","actor_user_id","server_time");--> statement-breakpoint
CREATE INDEX "audit_events_biz_device_idx" ON "audit_events" USING btree ("biz_id","device_id","server_time");--> statement-breakpoint
CREATE INDEX "audit_events_biz_mutation_idx" ON "audit_events" USING btree ("biz_id","mutation_name","server_time");--> statement-breakpoint
CREATE INDEX "audit_integrity_runs_biz_stream_started_idx" ON "audit_integrity_runs" USING btree ("biz_id","stream_id","started_at");--> statement-breakpoint
CREATE INDEX "audit_integrity_runs_biz_status_idx" ON "audit_integrity_runs" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_accounts_provider_ref_uq" ON "channel_accounts" USING btree ("biz_id","provider","provider_account_ref") WHERE "channel_accounts"."provider_account_ref" IS NOT NULL AND "channel_accounts"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "channel_accounts_biz_status_idx" ON "channel_accounts" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "channel_entity_links_external_uq" ON "channel_entity_links" USING btree ("channel_account_id","external_object_id") WHERE "channel_entity_links"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_entity_links_offer_version_uq" ON "channel_entity_links" USING btree ("channel_account_id","offer_version_id") WHERE "channel_entity_links"."offer_version_id" IS NOT NULL AND "channel_entity_links"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_entity_links_booking_order_uq" ON "channel_entity_links" USING btree ("channel_account_id","booking_order_id") WHERE "channel_entity_links"."booking_order_id" IS NOT NULL AND "channel_entity_links"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_entity_links_resource_uq" ON "channel_entity_links" USING btree ("channel_account_id","resource_id") WHERE "channel_entity_links"."resource_id" IS NOT NULL AND "channel_entity_links"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_entity_links_customer_uq" ON "channel_entity_links" USING btree ("channel_account_id","customer_user_id") WHERE "channel_entity_links"."customer_user_id" IS NOT NULL AND "channel_entity_links"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_entity_links_local_key_uq" ON "channel_entity_links" USING btree ("channel_account_id","object_type","local_reference_key") WHERE "channel_entity_links"."local_reference_key" IS NOT NULL AND "channel_entity_links"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "channel_sync_items_job_status_idx" ON "channel_sync_items" USING btree ("biz_id","channel_sync_job_id","status");--> statement-breakpoint
CREATE INDEX "channel_sync_items_link_idx" ON "channel_sync_items" USING btree ("biz_id","channel_entity_link_id");--> statement-breakpoint
CREATE INDEX "channel_sync_jobs_account_status_idx" ON "channel_sync_jobs" USING btree ("biz_id","channel_account_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "channel_webhook_events_account_status_idx" ON "channel_webhook_events" USING btree ("biz_id","channel_account_id","status","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_categories_slug_uq" ON "asset_categories" USING btree ("biz_id","slug") WHERE "asset_categories"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "asset_status_definition_tag_scopes_pair_uq" ON "asset_status_definition_tag_scopes" USING btree ("status_definition_id","tag_template_id") WHERE "asset_status_definition_tag_scopes"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "asset_status_definition_tag_scopes_tag_idx" ON "asset_status_definition_tag_scopes" USING btree ("biz_id","tag_template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_status_definitions_slug_uq" ON "asset_status_definitions" USING btree ("biz_id","slug") WHERE "asset_status_definitions"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "asset_status_definitions_one_default_uq" ON "asset_status_definitions" USING btree ("biz_id") WHERE "asset_status_definitions"."is_default" AND "asset_status_definitions"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "asset_tag_assignments_pair_uq" ON "asset_tag_assignments" USING btree ("asset_id","tag_template_id") WHERE "asset_tag_assignments"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "asset_tag_assignments_tag_idx" ON "asset_tag_assignments" USING btree ("biz_id","tag_template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "asset_tag_templates_slug_uq" ON "asset_tag_templates" USING btree ("biz_id","slug") WHERE "asset_tag_templates"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "assets_slug_uq" ON "assets" USING btree ("biz_id","slug") WHERE "assets"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "assets_serial_uq" ON "assets" USING btree ("biz_id","serial_number") WHERE "assets"."serial_number" IS NOT NULL AND "assets"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "assets_location_idx" ON "assets" USING btree ("biz_id","location_id");--> statement-breakpoint
CREATE INDEX "assets_category_idx" ON "assets" USING btree ("biz_id","category_id");--> statement-breakpoint
CREATE INDEX "assets_status_idx" ON "assets" USING btree ("biz_id","status_definition_id");--> statement-breakpoint
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "members_user_idx" ON "members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "verifications_identifier_idx" ON "verifications" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "group_account_members_user_idx" ON "group_account_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "group_accounts_biz_name_idx" ON "group_accounts" USING btree ("biz_id","name");--> statement-breakpoint
CREATE INDEX "org_memberships_biz_role_idx" ON "org_memberships" USING btree ("biz_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "products_slug_uq" ON "products" USING btree ("biz_id","slug") WHERE "products"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "products_sku_uq" ON "products" USING btree ("biz_id","sku") WHERE "products"."sku" IS NOT NULL AND "products"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "products_type_status_idx" ON "products" USING btree ("biz_id","type","status");--> statement-breakpoint
CREATE UNIQUE INDEX "host_group_members_uq" ON "host_group_members" USING btree ("host_group_id","user_id") WHERE "host_group_members"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "host_group_members_user_idx" ON "host_group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "host_groups_group_account_idx" ON "host_groups" USING btree ("biz_id","group_account_id");--> statement-breakpoint
CREATE INDEX "host_users_user_idx" ON "host_users" USING btree ("biz_id","user_id");--> statement-breakpoint
CREATE INDEX "host_users_member_idx" ON "host_users" USING btree ("biz_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_service_capabilities_uq" ON "resource_service_capabilities" USING btree ("resource_id","service_id",coalesce("location_id", '')) WHERE "resource_service_capabilities"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "resource_service_capabilities_service_idx" ON "resource_service_capabilities" USING btree ("biz_id","service_id","is_enabled");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_status_definitions_slug_uq" ON "resource_status_definitions" USING btree ("biz_id",coalesce("location_id", ''),"slug") WHERE "resource_status_definitions"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "resource_status_definitions_bookable_idx" ON "resource_status_definitions" USING btree ("biz_id","is_bookable");--> statement-breakpoint
CREATE UNIQUE INDEX "resources_slug_uq" ON "resources" USING btree ("biz_id","slug") WHERE "resources"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "resources_one_host_user_uq" ON "resources" USING btree ("biz_id","host_user_id") WHERE "resources"."type" = 'host' AND "resources"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "resources_one_host_group_uq" ON "resources" USING btree ("host_group_id") WHERE "resources"."type" = 'company_host' AND "resources"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "resources_one_asset_uq" ON "resources" USING btree ("asset_id") WHERE "resources"."type" = 'asset' AND "resources"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "resources_one_venue_uq" ON "resources" USING btree ("venue_id") WHERE "resources"."type" = 'venue' AND "resources"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "resources_location_type_idx" ON "resources" USING btree ("biz_id","location_id","type");--> statement-breakpoint
CREATE INDEX "resources_status_idx" ON "resources" USING btree ("biz_id","status_definition_id");--> statement-breakpoint
CREATE INDEX "resources_host_user_idx" ON "resources" USING btree ("host_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_product_requirement_groups_slug_uq" ON "service_product_requirement_groups" USING btree ("service_product_id","slug") WHERE "service_product_requirement_groups"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "service_product_requirement_groups_product_idx" ON "service_product_requirement_groups" USING btree ("biz_id","service_product_id");--> statement-breakpoint
CREATE INDEX "service_product_requirement_selectors_group_idx" ON "service_product_requirement_selectors" USING btree ("biz_id","requirement_group_id");--> statement-breakpoint
CREATE INDEX "service_product_requirement_selectors_resource_idx" ON "service_product_requirement_selectors" USING btree ("biz_id","resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_product_seat_type_requirements_uq" ON "service_product_seat_type_requirements" USING btree ("seat_type_id","requirement_group_id") WHERE "service_product_seat_type_requirements"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "service_product_seat_type_requirements_group_idx" ON "service_product_seat_type_requirements" USING btree ("biz_id","requirement_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_product_seat_types_slug_uq" ON "service_product_seat_types" USING btree ("service_product_id","slug") WHERE "service_product_seat_types"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "service_product_seat_types_one_default_uq" ON "service_product_seat_types" USING btree ("service_product_id") WHERE "service_product_seat_types"."is_default" AND "service_product_seat_types"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "service_product_services_service_uq" ON "service_product_services" USING btree ("service_product_id","service_id") WHERE "service_product_services"."service_id" IS NOT NULL AND "service_product_services"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "service_product_services_group_uq" ON "service_product_services" USING btree ("service_product_id","service_group_id") WHERE "service_product_services"."service_group_id" IS NOT NULL AND "service_product_services"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "service_product_services_service_idx" ON "service_product_services" USING btree ("biz_id","service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_products_slug_uq" ON "service_products" USING btree ("biz_id","slug") WHERE "service_products"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "service_products_product_uq" ON "service_products" USING btree ("product_id") WHERE "service_products"."product_id" IS NOT NULL AND "service_products"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "service_products_status_idx" ON "service_products" USING btree ("biz_id","status","is_published");--> statement-breakpoint
CREATE UNIQUE INDEX "service_groups_slug_uq" ON "service_groups" USING btree ("biz_id","slug") WHERE "service_groups"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "services_slug_uq" ON "services" USING btree ("biz_id","slug") WHERE "services"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "services_group_idx" ON "services" USING btree ("biz_id","service_group_id");--> statement-breakpoint
CREATE INDEX "services_status_idx" ON "services" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_location_bindings_uq" ON "subject_location_bindings" USING btree ("biz_id","subject_type","subject_id","location_id") WHERE "subject_location_bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "subject_location_bindings_one_primary_uq" ON "subject_location_bindings" USING btree ("biz_id","subject_type","subject_id") WHERE "subject_location_bindings"."is_primary" AND "subject_location_bindings"."is_active" AND "subject_location_bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "subject_location_bindings_location_idx" ON "subject_location_bindings" USING btree ("biz_id","location_id");--> statement-breakpoint
CREATE INDEX "subjects_type_status_idx" ON "subjects" USING btree ("biz_id","subject_type","status");--> statement-breakpoint
CREATE UNIQUE INDEX "bizes_slug_uq" ON "bizes" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "bizes_status_idx" ON "bizes" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_one_default_uq" ON "locations" USING btree ("biz_id") WHERE "locations"."is_default" AND "locations"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "venue_amenity_assignments_pair_uq" ON "venue_amenity_assignments" USING btree ("venue_id","amenity_template_id") WHERE "venue_amenity_assignments"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "venue_amenity_assignments_amenity_idx" ON "venue_amenity_assignments" USING btree ("biz_id","amenity_template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venue_amenity_templates_slug_uq" ON "venue_amenity_templates" USING btree ("biz_id","slug") WHERE "venue_amenity_templates"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "venue_categories_slug_uq" ON "venue_categories" USING btree ("biz_id","slug") WHERE "venue_categories"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "venue_status_definitions_slug_uq" ON "venue_status_definitions" USING btree ("biz_id","slug") WHERE "venue_status_definitions"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "venue_status_definitions_one_default_uq" ON "venue_status_definitions" USING btree ("biz_id") WHERE "venue_status_definitions"."is_default" AND "venue_status_definitions"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "venue_tag_assignments_pair_uq" ON "venue_tag_assignments" USING btree ("venue_id","tag_template_id") WHERE "venue_tag_assignments"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "venue_tag_assignments_tag_idx" ON "venue_tag_assignments" USING btree ("biz_id","tag_template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "venue_tag_templates_slug_uq" ON "venue_tag_templates" USING btree ("biz_id","slug") WHERE "venue_tag_templates"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "venues_slug_uq" ON "venues" USING btree ("biz_id","slug") WHERE "venues"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "venues_location_idx" ON "venues" USING btree ("biz_id","location_id");--> statement-breakpoint
CREATE INDEX "venues_category_idx" ON "venues" USING btree ("biz_id","category_id");--> statement-breakpoint
CREATE INDEX "venues_status_idx" ON "venues" USING btree ("biz_id","status_definition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_awards_code_uq" ON "certification_awards" USING btree ("biz_id","certificate_code") WHERE "certification_awards"."certificate_code" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "certification_awards_learner_idx" ON "certification_awards" USING btree ("biz_id","learner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_templates_program_slug_uq" ON "certification_templates" USING btree ("program_id","slug") WHERE "certification_templates"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "cohort_enrollments_learner_idx" ON "cohort_enrollments" USING btree ("biz_id","learner_user_id");--> statement-breakpoint
CREATE INDEX "cohort_enrollments_cohort_status_idx" ON "cohort_enrollments" USING btree ("biz_id","cohort_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "program_cohort_sessions_cohort_sequence_uq" ON "program_cohort_sessions" USING btree ("cohort_id","sequence") WHERE "program_cohort_sessions"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "program_cohort_sessions_biz_starts_idx" ON "program_cohort_sessions" USING btree ("biz_id","starts_at");--> statement-breakpoint
CREATE INDEX "program_cohort_sessions_instructor_idx" ON "program_cohort_sessions" USING btree ("biz_id","instructor_resource_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "program_cohorts_program_code_uq" ON "program_cohorts" USING btree ("program_id","code") WHERE "program_cohorts"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "program_cohorts_program_starts_idx" ON "program_cohorts" USING btree ("biz_id","program_id","starts_at");--> statement-breakpoint
CREATE INDEX "program_cohorts_biz_status_idx" ON "program_cohorts" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_biz_slug_uq" ON "programs" USING btree ("biz_id","slug") WHERE "programs"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "programs_biz_status_idx" ON "programs" USING btree ("biz_id","status");--> statement-breakpoint
CREATE INDEX "session_attendance_records_enrollment_idx" ON "session_attendance_records" USING btree ("biz_id","enrollment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlement_grants_request_key_uq" ON "entitlement_grants" USING btree ("biz_id","request_key") WHERE "entitlement_grants"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "entitlement_grants_wallet_idx" ON "entitlement_grants" USING btree ("biz_id","wallet_id","valid_until_at");--> statement-breakpoint
CREATE INDEX "entitlement_grants_membership_idx" ON "entitlement_grants" USING btree ("biz_id","membership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlement_ledger_entries_request_key_uq" ON "entitlement_ledger_entries" USING btree ("biz_id","request_key") WHERE "entitlement_ledger_entries"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "entitlement_ledger_entries_wallet_idx" ON "entitlement_ledger_entries" USING btree ("biz_id","wallet_id","occurred_at");--> statement-breakpoint
CREATE INDEX "entitlement_ledger_entries_booking_order_idx" ON "entitlement_ledger_entries" USING btree ("biz_id","booking_order_id");--> statement-breakpoint
CREATE INDEX "entitlement_ledger_entries_grant_idx" ON "entitlement_ledger_entries" USING btree ("biz_id","grant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlement_transfers_request_key_uq" ON "entitlement_transfers" USING btree ("biz_id","request_key") WHERE "entitlement_transfers"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "entitlement_transfers_from_wallet_idx" ON "entitlement_transfers" USING btree ("biz_id","from_wallet_id");--> statement-breakpoint
CREATE INDEX "entitlement_transfers_to_wallet_idx" ON "entitlement_transfers" USING btree ("biz_id","to_wallet_id");--> statement-breakpoint
CREATE INDEX "entitlement_transfers_biz_status_idx" ON "entitlement_transfers" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlement_wallets_code_uq" ON "entitlement_wallets" USING btree ("biz_id","code") WHERE "entitlement_wallets"."code" IS NOT NULL AND "entitlement_wallets"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "entitlement_wallets_owner_user_idx" ON "entitlement_wallets" USING btree ("biz_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "entitlement_wallets_group_account_idx" ON "entitlement_wallets" USING btree ("biz_id","group_account_id");--> statement-breakpoint
CREATE INDEX "entitlement_wallets_membership_idx" ON "entitlement_wallets" USING btree ("biz_id","membership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_plans_biz_slug_uq" ON "membership_plans" USING btree ("biz_id","slug") WHERE "membership_plans"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "membership_plans_biz_status_idx" ON "membership_plans" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_one_live_per_user_uq" ON "memberships" USING btree ("biz_id","membership_plan_id","owner_user_id") WHERE "memberships"."owner_user_id" IS NOT NULL AND "memberships"."status" IN ('trialing', 'active', 'paused', 'past_due') AND "memberships"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "memberships_plan_idx" ON "memberships" USING btree ("biz_id","membership_plan_id","status");--> statement-breakpoint
CREATE INDEX "memberships_owner_user_idx" ON "memberships" USING btree ("biz_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "memberships_owner_group_idx" ON "memberships" USING btree ("biz_id","owner_group_account_id");--> statement-breakpoint
CREATE INDEX "memberships_period_end_idx" ON "memberships" USING btree ("biz_id","status","current_period_end_at");--> statement-breakpoint
CREATE INDEX "rollover_runs_biz_status_idx" ON "rollover_runs" USING btree ("biz_id","status","run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "booking_holds_request_key_uq" ON "booking_holds" USING btree ("biz_id","request_key") WHERE "booking_holds"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "booking_holds_biz_status_expires_idx" ON "booking_holds" USING btree ("biz_id","status","expires_at");--> statement-breakpoint
CREATE INDEX "booking_holds_biz_version_start_idx" ON "booking_holds" USING btree ("biz_id","offer_version_id","starts_at") WHERE "booking_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "booking_holds_biz_resource_start_idx" ON "booking_holds" USING btree ("biz_id","resource_id","starts_at") WHERE "booking_holds"."status" = 'active';--> statement-breakpoint
CREATE INDEX "booking_order_lines_biz_order_idx" ON "booking_order_lines" USING btree ("biz_id","booking_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "booking_orders_request_key_uq" ON "booking_orders" USING btree ("biz_id","request_key") WHERE "booking_orders"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "booking_orders_biz_status_start_idx" ON "booking_orders" USING btree ("biz_id","status","confirmed_start_at");--> statement-breakpoint
CREATE INDEX "booking_orders_biz_customer_start_idx" ON "booking_orders" USING btree ("biz_id","customer_user_id","confirmed_start_at");--> statement-breakpoint
CREATE INDEX "booking_orders_biz_version_start_idx" ON "booking_orders" USING btree ("biz_id","offer_version_id","confirmed_start_at");--> statement-breakpoint
CREATE INDEX "booking_orders_biz_location_start_idx" ON "booking_orders" USING btree ("biz_id","location_id","confirmed_start_at");--> statement-breakpoint
CREATE INDEX "booking_orders_biz_group_account_idx" ON "booking_orders" USING btree ("biz_id","customer_group_account_id") WHERE "booking_orders"."customer_group_account_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "check_in_codes_biz_order_idx" ON "check_in_codes" USING btree ("biz_id","booking_order_id");--> statement-breakpoint
CREATE INDEX "fulfillment_assignments_biz_unit_status_idx" ON "fulfillment_assignments" USING btree ("biz_id","fulfillment_unit_id","status");--> statement-breakpoint
CREATE INDEX "fulfillment_assignments_biz_resource_start_idx" ON "fulfillment_assignments" USING btree ("biz_id","resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "fulfillment_assignments_biz_status_start_idx" ON "fulfillment_assignments" USING btree ("biz_id","status","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fulfillment_checkpoints_unit_kind_seq_uq" ON "fulfillment_checkpoints" USING btree ("fulfillment_unit_id","kind","sequence") WHERE "fulfillment_checkpoints"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "fulfillment_checkpoints_biz_unit_sequence_idx" ON "fulfillment_checkpoints" USING btree ("biz_id","fulfillment_unit_id","sequence");--> statement-breakpoint
CREATE INDEX "fulfillment_dependencies_biz_successor_idx" ON "fulfillment_dependencies" USING btree ("biz_id","successor_unit_id");--> statement-breakpoint
CREATE INDEX "fulfillment_units_biz_order_sequence_idx" ON "fulfillment_units" USING btree ("biz_id","booking_order_id","sequence");--> statement-breakpoint
CREATE INDEX "fulfillment_units_biz_status_start_idx" ON "fulfillment_units" USING btree ("biz_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "fulfillment_units_biz_location_start_idx" ON "fulfillment_units" USING btree ("biz_id","location_id","starts_at");--> statement-breakpoint
CREATE INDEX "data_residency_policies_biz_active_idx" ON "data_residency_policies" USING btree ("biz_id","is_active");--> statement-breakpoint
CREATE INDEX "data_residency_policies_profile_idx" ON "data_residency_policies" USING btree ("biz_id","compliance_profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_subject_requests_request_key_uq" ON "data_subject_requests" USING btree ("biz_id","request_key") WHERE "data_subject_requests"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "data_subject_requests_biz_status_due_idx" ON "data_subject_requests" USING btree ("biz_id","status","due_at");--> statement-breakpoint
CREATE INDEX "data_subject_requests_subject_user_idx" ON "data_subject_requests" USING btree ("subject_user_id");--> statement-breakpoint
CREATE INDEX "legal_holds_biz_status_scope_idx" ON "legal_holds" USING btree ("biz_id","status","scope");--> statement-breakpoint
CREATE INDEX "legal_holds_booking_order_idx" ON "legal_holds" USING btree ("biz_id","booking_order_id");--> statement-breakpoint
CREATE INDEX "legal_holds_payment_intent_idx" ON "legal_holds" USING btree ("biz_id","payment_intent_id");--> statement-breakpoint
CREATE INDEX "legal_holds_custom_target_idx" ON "legal_holds" USING btree ("biz_id","target_ref_type","target_record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_identity_modes_slug_uq" ON "privacy_identity_modes" USING btree ("biz_id","slug") WHERE "privacy_identity_modes"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "privacy_identity_modes_one_default_uq" ON "privacy_identity_modes" USING btree ("biz_id") WHERE "privacy_identity_modes"."is_default" AND "privacy_identity_modes"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "redaction_jobs_biz_status_queued_idx" ON "redaction_jobs" USING btree ("biz_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "redaction_jobs_target_idx" ON "redaction_jobs" USING btree ("biz_id","target_type","target_record_id");--> statement-breakpoint
CREATE INDEX "redaction_jobs_dsr_idx" ON "redaction_jobs" USING btree ("biz_id","data_subject_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_policies_active_class_uq" ON "retention_policies" USING btree ("biz_id","data_class") WHERE "retention_policies"."is_active" AND "retention_policies"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "tenant_compliance_profiles_one_default_uq" ON "tenant_compliance_profiles" USING btree ("biz_id") WHERE "tenant_compliance_profiles"."is_default" AND "tenant_compliance_profiles"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "tenant_compliance_profiles_biz_regime_idx" ON "tenant_compliance_profiles" USING btree ("biz_id","regime");--> statement-breakpoint
CREATE INDEX "overtime_forecasts_biz_date_idx" ON "overtime_forecasts" USING btree ("biz_id","forecast_date","status");--> statement-breakpoint
CREATE INDEX "overtime_policies_biz_scope_idx" ON "overtime_policies" USING btree ("biz_id","scope","status");--> statement-breakpoint
CREATE INDEX "ranking_events_resource_time_idx" ON "ranking_events" USING btree ("biz_id","resource_id","occurred_at");--> statement-breakpoint
CREATE INDEX "ranking_events_profile_time_idx" ON "ranking_events" USING btree ("biz_id","ranking_profile_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ranking_profiles_biz_slug_uq" ON "ranking_profiles" USING btree ("biz_id","slug") WHERE "ranking_profiles"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "ranking_profiles_one_default_uq" ON "ranking_profiles" USING btree ("biz_id") WHERE "ranking_profiles"."is_default" AND "ranking_profiles"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "ranking_scores_profile_score_idx" ON "ranking_scores" USING btree ("biz_id","ranking_profile_id","score");--> statement-breakpoint
CREATE INDEX "substitution_fairness_counters_pool_window_idx" ON "substitution_fairness_counters" USING btree ("biz_id","pool_id","window_unit","window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "substitution_offers_one_accepted_uq" ON "substitution_offers" USING btree ("request_id") WHERE "substitution_offers"."status" = 'accepted';--> statement-breakpoint
CREATE INDEX "substitution_offers_candidate_status_idx" ON "substitution_offers" USING btree ("biz_id","candidate_resource_id","status");--> statement-breakpoint
CREATE INDEX "substitution_offers_request_status_idx" ON "substitution_offers" USING btree ("biz_id","request_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "substitution_pool_members_pool_resource_uq" ON "substitution_pool_members" USING btree ("pool_id","resource_id") WHERE "substitution_pool_members"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "substitution_pool_members_resource_idx" ON "substitution_pool_members" USING btree ("biz_id","resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "substitution_pools_biz_slug_uq" ON "substitution_pools" USING btree ("biz_id","slug") WHERE "substitution_pools"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "substitution_requests_request_key_uq" ON "substitution_requests" USING btree ("biz_id","request_key") WHERE "substitution_requests"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "substitution_requests_one_live_uq" ON "substitution_requests" USING btree ("fulfillment_assignment_id") WHERE "substitution_requests"."status" IN ('open', 'offered') AND "substitution_requests"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "substitution_requests_pool_status_idx" ON "substitution_requests" USING btree ("biz_id","pool_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "substitution_requests_original_resource_idx" ON "substitution_requests" USING btree ("biz_id","original_resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "auctions_biz_status_ends_idx" ON "auctions" USING btree ("biz_id","status","ends_at");--> statement-breakpoint
CREATE INDEX "auctions_listing_idx" ON "auctions" USING btree ("biz_id","marketplace_listing_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bids_request_key_uq" ON "bids" USING btree ("biz_id","request_key") WHERE "bids"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "bids_one_winning_uq" ON "bids" USING btree ("auction_id") WHERE "bids"."status" = 'winning' AND "bids"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "bids_auction_amount_idx" ON "bids" USING btree ("biz_id","auction_id","amount_minor");--> statement-breakpoint
CREATE INDEX "bids_bidder_user_idx" ON "bids" USING btree ("bidder_user_id");--> statement-breakpoint
CREATE INDEX "bids_bidder_biz_idx" ON "bids" USING btree ("bidder_biz_id");--> statement-breakpoint
CREATE INDEX "cross_biz_contracts_biz_counterparty_status_idx" ON "cross_biz_contracts" USING btree ("biz_id","counterparty_biz_id","status");--> statement-breakpoint
CREATE INDEX "cross_biz_contracts_counterparty_idx" ON "cross_biz_contracts" USING btree ("counterparty_biz_id");--> statement-breakpoint
CREATE INDEX "cross_biz_orders_biz_status_idx" ON "cross_biz_orders" USING btree ("biz_id","status");--> statement-breakpoint
CREATE INDEX "cross_biz_orders_contract_idx" ON "cross_biz_orders" USING btree ("biz_id","contract_id");--> statement-breakpoint
CREATE INDEX "cross_biz_orders_buyer_idx" ON "cross_biz_orders" USING btree ("buyer_biz_id");--> statement-breakpoint
CREATE INDEX "cross_biz_orders_seller_idx" ON "cross_biz_orders" USING btree ("seller_biz_id");--> statement-breakpoint
CREATE INDEX "marketplace_listings_biz_status_idx" ON "marketplace_listings" USING btree ("biz_id","status","published_at");--> statement-breakpoint
CREATE INDEX "marketplace_listings_offer_version_idx" ON "marketplace_listings" USING btree ("biz_id","offer_version_id");--> statement-breakpoint
CREATE INDEX "marketplace_listings_resource_idx" ON "marketplace_listings" USING btree ("biz_id","resource_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_events_request_key_uq" ON "referral_events" USING btree ("biz_id","request_key") WHERE "referral_events"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "referral_events_program_event_at_idx" ON "referral_events" USING btree ("biz_id","referral_program_id","event_at");--> statement-breakpoint
CREATE INDEX "referral_events_referrer_idx" ON "referral_events" USING btree ("referrer_user_id");--> statement-breakpoint
CREATE INDEX "referral_events_referred_idx" ON "referral_events" USING btree ("referred_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_programs_slug_uq" ON "referral_programs" USING btree ("biz_id","slug") WHERE "referral_programs"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "revenue_share_rules_contract_idx" ON "revenue_share_rules" USING btree ("biz_id","contract_id","priority");--> statement-breakpoint
CREATE INDEX "revenue_share_rules_listing_idx" ON "revenue_share_rules" USING btree ("biz_id","marketplace_listing_id","priority");--> statement-breakpoint
CREATE UNIQUE INDEX "reward_grants_event_recipient_uq" ON "reward_grants" USING btree ("referral_event_id","recipient_user_id") WHERE "reward_grants"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "reward_grants_recipient_status_idx" ON "reward_grants" USING btree ("recipient_user_id","status");--> statement-breakpoint
CREATE INDEX "reward_grants_program_status_idx" ON "reward_grants" USING btree ("biz_id","referral_program_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "note_access_overrides_note_user_uq" ON "note_access_overrides" USING btree ("note_id","user_id") WHERE "note_access_overrides"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "note_access_overrides_biz_user_idx" ON "note_access_overrides" USING btree ("biz_id","user_id");--> statement-breakpoint
CREATE INDEX "note_revisions_biz_note_idx" ON "note_revisions" USING btree ("biz_id","note_id","revision");--> statement-breakpoint
CREATE INDEX "notes_booking_order_idx" ON "notes" USING btree ("biz_id","booking_order_id") WHERE "notes"."booking_order_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notes_fulfillment_unit_idx" ON "notes" USING btree ("biz_id","fulfillment_unit_id") WHERE "notes"."fulfillment_unit_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notes_resource_idx" ON "notes" USING btree ("biz_id","resource_id") WHERE "notes"."resource_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notes_customer_user_idx" ON "notes" USING btree ("biz_id","customer_user_id") WHERE "notes"."customer_user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notes_offer_idx" ON "notes" USING btree ("biz_id","offer_id") WHERE "notes"."offer_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notes_offer_version_idx" ON "notes" USING btree ("biz_id","offer_version_id") WHERE "notes"."offer_version_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notes_queue_entry_idx" ON "notes" USING btree ("biz_id","queue_entry_id") WHERE "notes"."queue_entry_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notes_trip_idx" ON "notes" USING btree ("biz_id","trip_id") WHERE "notes"."trip_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notes_custom_subject_idx" ON "notes" USING btree ("biz_id","custom_subject_id") WHERE "notes"."custom_subject_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notes_biz_author_idx" ON "notes" USING btree ("biz_id","author_user_id");--> statement-breakpoint
CREATE INDEX "notes_biz_visibility_idx" ON "notes" USING btree ("biz_id","visibility");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_component_seat_types_code_uq" ON "offer_component_seat_types" USING btree ("offer_version_id",coalesce("component_id", ''),"code") WHERE "offer_component_seat_types"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "offer_component_seat_types_biz_version_idx" ON "offer_component_seat_types" USING btree ("biz_id","offer_version_id","sort_order");--> statement-breakpoint
CREATE INDEX "offer_component_selectors_biz_component_idx" ON "offer_component_selectors" USING btree ("biz_id","component_id");--> statement-breakpoint
CREATE INDEX "offer_component_selectors_biz_resource_idx" ON "offer_component_selectors" USING btree ("biz_id","resource_id") WHERE "offer_component_selectors"."resource_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "offer_components_version_slug_uq" ON "offer_components" USING btree ("offer_version_id","slug") WHERE "offer_components"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "offer_components_biz_version_idx" ON "offer_components" USING btree ("biz_id","offer_version_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_versions_one_published_uq" ON "offer_versions" USING btree ("offer_id") WHERE "offer_versions"."status" = 'published' AND "offer_versions"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "offer_versions_biz_offer_status_idx" ON "offer_versions" USING btree ("biz_id","offer_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_biz_slug_uq" ON "offers" USING btree ("biz_id","slug") WHERE "offers"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "offers_biz_status_idx" ON "offers" USING btree ("biz_id","status");--> statement-breakpoint
CREATE INDEX "offers_biz_execution_mode_idx" ON "offers" USING btree ("biz_id","execution_mode");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_disputes_stripe_dispute_uq" ON "payment_disputes" USING btree ("stripe_dispute_id");--> statement-breakpoint
CREATE INDEX "payment_disputes_intent_idx" ON "payment_disputes" USING btree ("biz_id","payment_intent_id");--> statement-breakpoint
CREATE INDEX "payment_disputes_biz_status_due_idx" ON "payment_disputes" USING btree ("biz_id","status","evidence_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intent_tenders_request_key_uq" ON "payment_intent_tenders" USING btree ("biz_id","request_key") WHERE "payment_intent_tenders"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "payment_intent_tenders_intent_idx" ON "payment_intent_tenders" USING btree ("biz_id","payment_intent_id");--> statement-breakpoint
CREATE INDEX "payment_intent_tenders_wallet_idx" ON "payment_intent_tenders" USING btree ("biz_id","entitlement_wallet_id");--> statement-breakpoint
CREATE INDEX "payment_intent_tenders_stripe_pi_idx" ON "payment_intent_tenders" USING btree ("stripe_payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_stripe_pi_uq" ON "payment_intents" USING btree ("stripe_payment_intent_id") WHERE "payment_intents"."stripe_payment_intent_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_request_key_uq" ON "payment_intents" USING btree ("biz_id","request_key") WHERE "payment_intents"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "payment_intents_booking_order_idx" ON "payment_intents" USING btree ("biz_id","booking_order_id");--> statement-breakpoint
CREATE INDEX "payment_intents_biz_status_idx" ON "payment_intents" USING btree ("biz_id","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_methods_provider_ref_uq" ON "payment_methods" USING btree ("biz_id","provider","provider_method_ref") WHERE "payment_methods"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_methods_one_default_per_user_uq" ON "payment_methods" USING btree ("biz_id","owner_user_id") WHERE "payment_methods"."is_default" AND "payment_methods"."is_active" AND "payment_methods"."owner_user_id" IS NOT NULL AND "payment_methods"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "payment_methods_owner_user_idx" ON "payment_methods" USING btree ("biz_id","owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_transactions_request_key_uq" ON "payment_transactions" USING btree ("biz_id","request_key") WHERE "payment_transactions"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "payment_transactions_intent_idx" ON "payment_transactions" USING btree ("biz_id","payment_intent_id","occurred_at");--> statement-breakpoint
CREATE INDEX "payment_transactions_tender_idx" ON "payment_transactions" USING btree ("biz_id","tender_id");--> statement-breakpoint
CREATE INDEX "payment_transactions_biz_occurred_idx" ON "payment_transactions" USING btree ("biz_id","occurred_at");--> statement-breakpoint
CREATE INDEX "payment_transactions_stripe_object_idx" ON "payment_transactions" USING btree ("stripe_object_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payout_ledger_entries_request_key_uq" ON "payout_ledger_entries" USING btree ("biz_id","request_key") WHERE "payout_ledger_entries"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "payout_ledger_entries_payout_idx" ON "payout_ledger_entries" USING btree ("biz_id","payout_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_stripe_payout_uq" ON "payouts" USING btree ("stripe_payout_id") WHERE "payouts"."stripe_payout_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "payouts_biz_status_idx" ON "payouts" USING btree ("biz_id","status","initiated_at");--> statement-breakpoint
CREATE INDEX "payouts_batch_idx" ON "payouts" USING btree ("biz_id","settlement_batch_id");--> statement-breakpoint
CREATE INDEX "settlement_batches_biz_period_idx" ON "settlement_batches" USING btree ("biz_id","period_start_at");--> statement-breakpoint
CREATE INDEX "settlement_batches_biz_status_idx" ON "settlement_batches" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_entries_request_key_uq" ON "settlement_entries" USING btree ("biz_id","request_key") WHERE "settlement_entries"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "settlement_entries_batch_idx" ON "settlement_entries" USING btree ("biz_id","settlement_batch_id","occurred_at");--> statement-breakpoint
CREATE INDEX "settlement_entries_transaction_idx" ON "settlement_entries" USING btree ("biz_id","payment_transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_entries_one_open_per_user_uq" ON "queue_entries" USING btree ("biz_id","queue_id","customer_user_id") WHERE "queue_entries"."customer_user_id" IS NOT NULL AND "queue_entries"."status" IN ('waiting', 'offered') AND "queue_entries"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "queue_entries_queue_order_idx" ON "queue_entries" USING btree ("biz_id","queue_id","status","priority_score","joined_at");--> statement-breakpoint
CREATE INDEX "queue_entries_customer_idx" ON "queue_entries" USING btree ("biz_id","customer_user_id");--> statement-breakpoint
CREATE INDEX "queue_events_ticket_idx" ON "queue_events" USING btree ("biz_id","ticket_id","occurred_at");--> statement-breakpoint
CREATE INDEX "queue_events_queue_time_idx" ON "queue_events" USING btree ("biz_id","queue_id","occurred_at");--> statement-breakpoint
CREATE INDEX "queue_tickets_queue_day_idx" ON "queue_tickets" USING btree ("biz_id","queue_id","service_date","status","issued_at");--> statement-breakpoint
CREATE INDEX "queue_tickets_resource_idx" ON "queue_tickets" USING btree ("biz_id","assigned_resource_id","status");--> statement-breakpoint
CREATE INDEX "queue_tickets_entry_idx" ON "queue_tickets" USING btree ("biz_id","queue_entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "queues_biz_slug_uq" ON "queues" USING btree ("biz_id","slug") WHERE "queues"."slug" IS NOT NULL AND "queues"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "queues_location_idx" ON "queues" USING btree ("biz_id","location_id","status");--> statement-breakpoint
CREATE INDEX "service_time_observations_resource_service_idx" ON "service_time_observations" USING btree ("biz_id","resource_id","service_id","observed_at");--> statement-breakpoint
CREATE INDEX "service_time_observations_queue_time_idx" ON "service_time_observations" USING btree ("biz_id","queue_id","observed_at");--> statement-breakpoint
CREATE INDEX "wait_time_predictions_queue_time_idx" ON "wait_time_predictions" USING btree ("biz_id","queue_id","predicted_at");--> statement-breakpoint
CREATE INDEX "wait_time_predictions_ticket_idx" ON "wait_time_predictions" USING btree ("biz_id","ticket_id","predicted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_accounts_biz_account_uq" ON "stripe_accounts" USING btree ("biz_id","stripe_account_id") WHERE "stripe_accounts"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_accounts_default_charges_uq" ON "stripe_accounts" USING btree ("biz_id") WHERE "stripe_accounts"."is_default_for_charges" AND "stripe_accounts"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_accounts_default_payouts_uq" ON "stripe_accounts" USING btree ("biz_id") WHERE "stripe_accounts"."is_default_for_payouts" AND "stripe_accounts"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "stripe_accounts_stripe_account_idx" ON "stripe_accounts" USING btree ("stripe_account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_checkout_sessions_stripe_id_uq" ON "stripe_checkout_sessions" USING btree ("stripe_checkout_session_id");--> statement-breakpoint
CREATE INDEX "stripe_checkout_sessions_biz_status_idx" ON "stripe_checkout_sessions" USING btree ("biz_id","status","payment_status");--> statement-breakpoint
CREATE INDEX "stripe_checkout_sessions_payment_intent_idx" ON "stripe_checkout_sessions" USING btree ("biz_id","payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_customers_stripe_id_uq" ON "stripe_customers" USING btree ("stripe_customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_customers_user_uq" ON "stripe_customers" USING btree ("biz_id",coalesce("stripe_account_ref_id", ''),"user_id") WHERE "stripe_customers"."user_id" IS NOT NULL AND "stripe_customers"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_customers_group_account_uq" ON "stripe_customers" USING btree ("biz_id",coalesce("stripe_account_ref_id", ''),"group_account_id") WHERE "stripe_customers"."group_account_id" IS NOT NULL AND "stripe_customers"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "stripe_customers_user_idx" ON "stripe_customers" USING btree ("biz_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_invoices_stripe_id_uq" ON "stripe_invoices" USING btree ("stripe_invoice_id");--> statement-breakpoint
CREATE INDEX "stripe_invoices_biz_status_idx" ON "stripe_invoices" USING btree ("biz_id","status");--> statement-breakpoint
CREATE INDEX "stripe_invoices_booking_order_idx" ON "stripe_invoices" USING btree ("biz_id","booking_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_payment_methods_stripe_id_uq" ON "stripe_payment_methods" USING btree ("stripe_payment_method_id");--> statement-breakpoint
CREATE INDEX "stripe_payment_methods_customer_idx" ON "stripe_payment_methods" USING btree ("biz_id","stripe_customer_ref_id");--> statement-breakpoint
CREATE INDEX "stripe_payment_methods_fingerprint_idx" ON "stripe_payment_methods" USING btree ("biz_id","fingerprint");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_payouts_stripe_id_uq" ON "stripe_payouts" USING btree ("stripe_payout_id");--> statement-breakpoint
CREATE INDEX "stripe_payouts_biz_status_idx" ON "stripe_payouts" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_setup_intents_stripe_id_uq" ON "stripe_setup_intents" USING btree ("stripe_setup_intent_id");--> statement-breakpoint
CREATE INDEX "stripe_setup_intents_biz_status_idx" ON "stripe_setup_intents" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_transfers_stripe_id_uq" ON "stripe_transfers" USING btree ("stripe_transfer_id");--> statement-breakpoint
CREATE INDEX "stripe_transfers_destination_idx" ON "stripe_transfers" USING btree ("biz_id","destination_account_ref_id");--> statement-breakpoint
CREATE INDEX "stripe_transfers_payment_intent_idx" ON "stripe_transfers" USING btree ("biz_id","payment_intent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stripe_webhook_events_stripe_event_uq" ON "stripe_webhook_events" USING btree ("stripe_event_id");--> statement-breakpoint
CREATE INDEX "stripe_webhook_events_status_received_idx" ON "stripe_webhook_events" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "stripe_webhook_events_type_idx" ON "stripe_webhook_events" USING btree ("type");--> statement-breakpoint
CREATE INDEX "stripe_webhook_events_biz_status_idx" ON "stripe_webhook_events" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_capability_assignments_uq" ON "resource_capability_assignments" USING btree ("resource_id","capability_template_id") WHERE "resource_capability_assignments"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "resource_capability_assignments_biz_template_idx" ON "resource_capability_assignments" USING btree ("biz_id","capability_template_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resource_capability_templates_slug_uq" ON "resource_capability_templates" USING btree ("biz_id",coalesce("location_id", ''),"scope","slug") WHERE "resource_capability_templates"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "resource_capability_templates_biz_scope_active_idx" ON "resource_capability_templates" USING btree ("biz_id","scope","is_active");--> statement-breakpoint
CREATE INDEX "resource_condition_reports_biz_resource_reported_idx" ON "resource_condition_reports" USING btree ("biz_id","resource_id","reported_at");--> statement-breakpoint
CREATE INDEX "resource_condition_reports_biz_unit_idx" ON "resource_condition_reports" USING btree ("biz_id","fulfillment_unit_id") WHERE "resource_condition_reports"."fulfillment_unit_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "resource_maintenance_policies_slug_uq" ON "resource_maintenance_policies" USING btree ("biz_id","slug") WHERE "resource_maintenance_policies"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "resource_maintenance_policies_biz_resource_idx" ON "resource_maintenance_policies" USING btree ("biz_id","resource_id");--> statement-breakpoint
CREATE INDEX "resource_maintenance_policies_biz_active_idx" ON "resource_maintenance_policies" USING btree ("biz_id","is_active");--> statement-breakpoint
CREATE INDEX "resource_maintenance_work_orders_biz_resource_status_idx" ON "resource_maintenance_work_orders" USING btree ("biz_id","resource_id","status");--> statement-breakpoint
CREATE INDEX "resource_maintenance_work_orders_biz_status_scheduled_idx" ON "resource_maintenance_work_orders" USING btree ("biz_id","status","scheduled_start_at");--> statement-breakpoint
CREATE INDEX "client_mutations_biz_received_idx" ON "client_mutations" USING btree ("biz_id","received_at");--> statement-breakpoint
CREATE INDEX "devices_biz_user_idx" ON "devices" USING btree ("biz_id","user_id");--> statement-breakpoint
CREATE INDEX "availability_resolution_runs_biz_calendar_resolved_idx" ON "availability_resolution_runs" USING btree ("biz_id","calendar_id","resolved_at");--> statement-breakpoint
CREATE INDEX "availability_resolution_runs_biz_calendar_window_idx" ON "availability_resolution_runs" USING btree ("biz_id","calendar_id","window_start_at","window_end_at","status");--> statement-breakpoint
CREATE INDEX "availability_resolution_runs_biz_request_key_idx" ON "availability_resolution_runs" USING btree ("biz_id","request_key") WHERE "availability_resolution_runs"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "availability_rules_biz_calendar_priority_idx" ON "availability_rules" USING btree ("biz_id","calendar_id","is_active","priority");--> statement-breakpoint
CREATE INDEX "availability_rules_biz_calendar_weekly_idx" ON "availability_rules" USING btree ("biz_id","calendar_id","kind","day_of_week","start_time");--> statement-breakpoint
CREATE INDEX "availability_rules_biz_calendar_dates_idx" ON "availability_rules" USING btree ("biz_id","calendar_id","start_date","end_date");--> statement-breakpoint
CREATE INDEX "availability_rules_biz_calendar_instants_idx" ON "availability_rules" USING btree ("biz_id","calendar_id","starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "availability_rules_biz_overlay_idx" ON "availability_rules" USING btree ("biz_id","overlay_id") WHERE "availability_rules"."overlay_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_bindings_primary_resource_uq" ON "calendar_bindings" USING btree ("biz_id","resource_id") WHERE "calendar_bindings"."owner_type" = 'resource' AND "calendar_bindings"."is_primary" AND "calendar_bindings"."is_active" AND "calendar_bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_bindings_primary_service_uq" ON "calendar_bindings" USING btree ("biz_id","service_id") WHERE "calendar_bindings"."owner_type" = 'service' AND "calendar_bindings"."is_primary" AND "calendar_bindings"."is_active" AND "calendar_bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_bindings_primary_service_product_uq" ON "calendar_bindings" USING btree ("biz_id","service_product_id") WHERE "calendar_bindings"."owner_type" = 'service_product' AND "calendar_bindings"."is_primary" AND "calendar_bindings"."is_active" AND "calendar_bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_bindings_primary_offer_uq" ON "calendar_bindings" USING btree ("biz_id","offer_id") WHERE "calendar_bindings"."owner_type" = 'offer' AND "calendar_bindings"."is_primary" AND "calendar_bindings"."is_active" AND "calendar_bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_bindings_primary_offer_version_uq" ON "calendar_bindings" USING btree ("biz_id","offer_version_id") WHERE "calendar_bindings"."owner_type" = 'offer_version' AND "calendar_bindings"."is_primary" AND "calendar_bindings"."is_active" AND "calendar_bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_bindings_primary_location_uq" ON "calendar_bindings" USING btree ("biz_id","location_id") WHERE "calendar_bindings"."owner_type" = 'location' AND "calendar_bindings"."is_primary" AND "calendar_bindings"."is_active" AND "calendar_bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_bindings_primary_custom_subject_uq" ON "calendar_bindings" USING btree ("biz_id","subject_id") WHERE "calendar_bindings"."owner_type" = 'custom_subject' AND "calendar_bindings"."is_primary" AND "calendar_bindings"."is_active" AND "calendar_bindings"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "calendar_bindings_biz_calendar_idx" ON "calendar_bindings" USING btree ("biz_id","calendar_id");--> statement-breakpoint
CREATE INDEX "calendar_bindings_biz_resource_idx" ON "calendar_bindings" USING btree ("biz_id","resource_id") WHERE "calendar_bindings"."resource_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "calendar_bindings_biz_offer_version_idx" ON "calendar_bindings" USING btree ("biz_id","offer_version_id") WHERE "calendar_bindings"."offer_version_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "calendar_bindings_biz_location_idx" ON "calendar_bindings" USING btree ("biz_id","location_id") WHERE "calendar_bindings"."location_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "calendar_overlays_biz_calendar_active_idx" ON "calendar_overlays" USING btree ("biz_id","calendar_id","is_active","priority");--> statement-breakpoint
CREATE INDEX "calendar_overlays_biz_calendar_window_idx" ON "calendar_overlays" USING btree ("biz_id","calendar_id","effective_start_at","effective_end_at");--> statement-breakpoint
CREATE INDEX "calendars_biz_status_idx" ON "calendars" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_pool_members_resource_uq" ON "capacity_pool_members" USING btree ("capacity_pool_id","resource_id") WHERE "capacity_pool_members"."member_type" = 'resource' AND "capacity_pool_members"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_pool_members_offer_version_uq" ON "capacity_pool_members" USING btree ("capacity_pool_id","offer_version_id") WHERE "capacity_pool_members"."member_type" = 'offer_version' AND "capacity_pool_members"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_pool_members_location_uq" ON "capacity_pool_members" USING btree ("capacity_pool_id","location_id") WHERE "capacity_pool_members"."member_type" = 'location' AND "capacity_pool_members"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_pool_members_custom_subject_uq" ON "capacity_pool_members" USING btree ("capacity_pool_id","subject_id") WHERE "capacity_pool_members"."member_type" = 'custom_subject' AND "capacity_pool_members"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "capacity_pool_members_biz_pool_idx" ON "capacity_pool_members" USING btree ("biz_id","capacity_pool_id");--> statement-breakpoint
CREATE INDEX "capacity_pool_members_biz_offer_version_idx" ON "capacity_pool_members" USING btree ("biz_id","offer_version_id") WHERE "capacity_pool_members"."offer_version_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "capacity_pool_members_biz_resource_idx" ON "capacity_pool_members" USING btree ("biz_id","resource_id") WHERE "capacity_pool_members"."resource_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_pools_biz_slug_uq" ON "capacity_pools" USING btree ("biz_id","slug") WHERE "capacity_pools"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "dispatch_tasks_biz_status_due_idx" ON "dispatch_tasks" USING btree ("biz_id","status","due_at");--> statement-breakpoint
CREATE INDEX "dispatch_tasks_biz_resource_status_idx" ON "dispatch_tasks" USING btree ("biz_id","assigned_resource_id","status");--> statement-breakpoint
CREATE INDEX "dispatch_tasks_trip_idx" ON "dispatch_tasks" USING btree ("biz_id","trip_id");--> statement-breakpoint
CREATE INDEX "eta_events_biz_trip_event_at_idx" ON "eta_events" USING btree ("biz_id","trip_id","event_at");--> statement-breakpoint
CREATE INDEX "eta_events_biz_stop_event_at_idx" ON "eta_events" USING btree ("biz_id","route_stop_id","event_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fleet_vehicles_plate_uq" ON "fleet_vehicles" USING btree ("biz_id","plate_number") WHERE "fleet_vehicles"."plate_number" IS NOT NULL AND "fleet_vehicles"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "fleet_vehicles_resource_uq" ON "fleet_vehicles" USING btree ("biz_id","resource_id") WHERE "fleet_vehicles"."resource_id" IS NOT NULL AND "fleet_vehicles"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "fleet_vehicles_biz_status_idx" ON "fleet_vehicles" USING btree ("biz_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "transport_route_stops_order_uq" ON "transport_route_stops" USING btree ("route_id","stop_order") WHERE "transport_route_stops"."deleted_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "transport_routes_slug_uq" ON "transport_routes" USING btree ("biz_id","slug") WHERE "transport_routes"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "transport_routes_biz_status_idx" ON "transport_routes" USING btree ("biz_id","status");--> statement-breakpoint
CREATE INDEX "transport_trips_biz_route_departure_idx" ON "transport_trips" USING btree ("biz_id","route_id","departure_at");--> statement-breakpoint
CREATE INDEX "transport_trips_biz_status_departure_idx" ON "transport_trips" USING btree ("biz_id","status","departure_at");--> statement-breakpoint
CREATE INDEX "transport_trips_biz_vehicle_departure_idx" ON "transport_trips" USING btree ("biz_id","fleet_vehicle_id","departure_at");--> statement-breakpoint
CREATE INDEX "transport_trips_biz_driver_departure_idx" ON "transport_trips" USING btree ("biz_id","driver_resource_id","departure_at");--> statement-breakpoint
CREATE UNIQUE INDEX "trip_manifests_seat_label_uq" ON "trip_manifests" USING btree ("trip_id","seat_label") WHERE "trip_manifests"."seat_label" IS NOT NULL AND "trip_manifests"."status" NOT IN ('cancelled', 'no_show') AND "trip_manifests"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "trip_manifests_biz_trip_status_idx" ON "trip_manifests" USING btree ("biz_id","trip_id","status");--> statement-breakpoint
CREATE INDEX "trip_manifests_booking_order_idx" ON "trip_manifests" USING btree ("biz_id","booking_order_id");--> statement-breakpoint
CREATE INDEX "trip_manifests_passenger_user_idx" ON "trip_manifests" USING btree ("passenger_user_id");--> statement-breakpoint
CREATE INDEX "trip_stop_inventory_route_stop_idx" ON "trip_stop_inventory" USING btree ("biz_id","route_stop_id");--> statement-breakpoint
CREATE INDEX "async_deliverables_biz_status_requested_idx" ON "async_deliverables" USING btree ("biz_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "async_deliverables_workflow_instance_idx" ON "async_deliverables" USING btree ("biz_id","workflow_instance_id");--> statement-breakpoint
CREATE INDEX "async_deliverables_booking_order_idx" ON "async_deliverables" USING btree ("biz_id","booking_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_queue_items_one_open_uq" ON "review_queue_items" USING btree ("review_queue_id","item_type","item_ref_id") WHERE "review_queue_items"."status" IN ('pending', 'claimed', 'escalated') AND "review_queue_items"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "review_queue_items_queue_status_priority_idx" ON "review_queue_items" USING btree ("biz_id","review_queue_id","status","priority","due_at");--> statement-breakpoint
CREATE INDEX "review_queue_items_assignee_status_idx" ON "review_queue_items" USING btree ("assigned_to_user_id","status");--> statement-breakpoint
CREATE INDEX "review_queue_items_item_idx" ON "review_queue_items" USING btree ("biz_id","item_type","item_ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_queues_slug_uq" ON "review_queues" USING btree ("biz_id","slug") WHERE "review_queues"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "review_queues_biz_type_status_idx" ON "review_queues" USING btree ("biz_id","type","status");--> statement-breakpoint
CREATE INDEX "workflow_decisions_instance_decided_idx" ON "workflow_decisions" USING btree ("biz_id","workflow_instance_id","decided_at");--> statement-breakpoint
CREATE INDEX "workflow_decisions_step_idx" ON "workflow_decisions" USING btree ("biz_id","workflow_step_id");--> statement-breakpoint
CREATE INDEX "workflow_decisions_decider_idx" ON "workflow_decisions" USING btree ("decider_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_instances_request_key_uq" ON "workflow_instances" USING btree ("biz_id","request_key") WHERE "workflow_instances"."request_key" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "workflow_instances_biz_status_idx" ON "workflow_instances" USING btree ("biz_id","status","created_at");--> statement-breakpoint
CREATE INDEX "workflow_instances_biz_key_status_idx" ON "workflow_instances" USING btree ("biz_id","workflow_key","status");--> statement-breakpoint
CREATE INDEX "workflow_instances_target_idx" ON "workflow_instances" USING btree ("biz_id","target_type","target_ref_id");--> statement-breakpoint
CREATE INDEX "workflow_instances_booking_order_idx" ON "workflow_instances" USING btree ("biz_id","booking_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_steps_instance_key_uq" ON "workflow_steps" USING btree ("workflow_instance_id","step_key") WHERE "workflow_steps"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "workflow_steps_instance_sequence_idx" ON "workflow_steps" USING btree ("biz_id","workflow_instance_id","sequence");--> statement-breakpoint
CREATE INDEX "workflow_steps_assignee_status_idx" ON "workflow_steps" USING btree ("assigned_to_user_id","status");