-- Occupancy keys (0003) checked at commit instead of looked up on every insert. Written by hand like
-- 0003 (no schema change; snapshot 0005 equals 0004). A writer that gives the key (the mutators do,
-- so a booking's order, unit and assignments can be inserted by one statement) has it checked when
-- the transaction commits, once the rows it refers to exist; a writer that leaves it empty gets it
-- filled as before, and so does any update that moves the assignment.
CREATE OR REPLACE FUNCTION bizing_expected_occupancy_key(a fulfillment_assignments) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  booking text;
  version text;
BEGIN
  SELECT u.booking_order_id, v.id INTO booking, version
    FROM fulfillment_units u
    LEFT JOIN booking_orders b ON b.id = u.booking_order_id
    LEFT JOIN offer_versions v ON v.id = b.offer_version_id AND v.capacity IS NOT NULL
   WHERE u.id = a.fulfillment_unit_id;
  IF a.conflict_policy = 'allow_overlap' AND version IS NOT NULL THEN
    RETURN 'class:' || version || ':' || (extract(epoch FROM a.starts_at) * 1000)::bigint;
  END IF;
  RETURN 'assignment:' || coalesce(booking, a.id);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bizing_occupancy_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.occupancy_key IS NOT NULL THEN
    RETURN NEW;
  END IF;
  NEW.occupancy_key := bizing_expected_occupancy_key(NEW);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bizing_check_occupancy_key() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  current fulfillment_assignments;
  expected text;
BEGIN
  -- The row as it is now (an update later in the transaction refilled its key, or it is gone).
  SELECT * INTO current FROM fulfillment_assignments WHERE id = NEW.id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  expected := bizing_expected_occupancy_key(current);
  IF current.occupancy_key IS DISTINCT FROM expected THEN
    RAISE EXCEPTION 'assignment % has occupancy key %, expected %', current.id, current.occupancy_key, expected
      USING ERRCODE = 'check_violation', CONSTRAINT = 'fulfillment_assignments_occupancy_key_check';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER fulfillment_assignments_occupancy_key_check
  AFTER INSERT ON fulfillment_assignments DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION bizing_check_occupancy_key();
