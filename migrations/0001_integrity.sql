-- Hand-written migration (drizzle-kit --custom): what Drizzle cannot express, i.e. append-only
-- ledgers (statement triggers) and the no-double-booking exclusion constraint.

CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bizing_reject_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['payment_transactions','settlement_entries','payout_ledger_entries',
    'entitlement_ledger_entries','audit_events','queue_events','eta_events'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bizing_reject_mutation()', t || '_append_only', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bizing_reject_mutation()', t || '_no_truncate', t);
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE fulfillment_assignments ADD CONSTRAINT fulfillment_assignments_no_overlap_excl
  EXCLUDE USING gist (
    biz_id WITH =,
    resource_id WITH =,
    tstzrange(coalesce(occupied_start_at, starts_at), coalesce(occupied_end_at, ends_at), '[)') WITH &&
  ) WHERE (deleted_at IS NULL AND conflict_policy = 'enforce_no_overlap'
           AND status IN ('reserved', 'confirmed', 'in_progress'));
