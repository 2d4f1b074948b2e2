-- Occupancy keys for the availability engine's shared-resource counting (shared/availability/pools.ts).
-- Written by hand like 0001: the column is in shared/schema (snapshot 0003); the trigger is not
-- expressible in Drizzle. Mutators write the same key (so pending rows on a device carry it); the
-- trigger keeps it authoritative on the server, and the engine derives it for rows synced without one.
ALTER TABLE "fulfillment_assignments" ADD COLUMN "occupancy_key" varchar(200);
--> statement-breakpoint
-- Seats of one class session (`allow_overlap` under a booking of a class offer version, i.e. one with a
-- capacity) are one occupancy:
-- `class:<offer version>:<start in epoch ms>`; every other assignment is its booking's own occupancy.
CREATE OR REPLACE FUNCTION bizing_occupancy_key() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  booking text;
  version text;
BEGIN
  SELECT u.booking_order_id, v.id INTO booking, version
    FROM fulfillment_units u
    LEFT JOIN booking_orders b ON b.id = u.booking_order_id
    LEFT JOIN offer_versions v ON v.id = b.offer_version_id AND v.capacity IS NOT NULL
   WHERE u.id = NEW.fulfillment_unit_id;
  IF NEW.conflict_policy = 'allow_overlap' AND version IS NOT NULL THEN
    NEW.occupancy_key := 'class:' || version || ':' || (extract(epoch FROM NEW.starts_at) * 1000)::bigint;
  ELSE
    NEW.occupancy_key := 'assignment:' || coalesce(booking, NEW.id);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER fulfillment_assignments_occupancy_key
  BEFORE INSERT OR UPDATE OF starts_at, conflict_policy, fulfillment_unit_id ON fulfillment_assignments
  FOR EACH ROW EXECUTE FUNCTION bizing_occupancy_key();
--> statement-breakpoint
UPDATE fulfillment_assignments a
   SET occupancy_key = CASE
         WHEN a.conflict_policy = 'allow_overlap' AND v.id IS NOT NULL
           THEN 'class:' || v.id || ':' || (extract(epoch FROM a.starts_at) * 1000)::bigint
         ELSE 'assignment:' || coalesce(u.booking_order_id, a.id)
       END
  FROM fulfillment_units u
  LEFT JOIN booking_orders b ON b.id = u.booking_order_id
  LEFT JOIN offer_versions v ON v.id = b.offer_version_id AND v.capacity IS NOT NULL
 WHERE u.id = a.fulfillment_unit_id;
