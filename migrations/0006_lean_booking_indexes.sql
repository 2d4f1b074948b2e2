-- Fewer index entries per booking. Two indexes that only repeated the leading columns of a unique key
-- go; indexes on columns a booking or audit event often leaves empty (customer, location, subject)
-- become partial, since such rows are never looked up by that column.
DROP INDEX "booking_order_lines_biz_order_idx";--> statement-breakpoint
DROP INDEX "fulfillment_units_biz_order_sequence_idx";--> statement-breakpoint
DROP INDEX "audit_events_biz_subject_idx";--> statement-breakpoint
DROP INDEX "booking_orders_biz_customer_start_idx";--> statement-breakpoint
DROP INDEX "booking_orders_biz_location_start_idx";--> statement-breakpoint
DROP INDEX "fulfillment_units_biz_location_start_idx";--> statement-breakpoint
CREATE INDEX "audit_events_biz_subject_idx" ON "audit_events" USING btree ("biz_id","subject_table","subject_id","server_time") WHERE "audit_events"."subject_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "booking_orders_biz_customer_start_idx" ON "booking_orders" USING btree ("biz_id","customer_user_id","confirmed_start_at") WHERE "booking_orders"."customer_user_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "booking_orders_biz_location_start_idx" ON "booking_orders" USING btree ("biz_id","location_id","confirmed_start_at") WHERE "booking_orders"."location_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "fulfillment_units_biz_location_start_idx" ON "fulfillment_units" USING btree ("biz_id","location_id","starts_at") WHERE "fulfillment_units"."location_id" IS NOT NULL;