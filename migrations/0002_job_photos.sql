CREATE TABLE "fulfillment_photos" (
	"id" text PRIMARY KEY NOT NULL,
	"biz_id" text NOT NULL,
	"fulfillment_unit_id" text NOT NULL,
	"content_type" varchar(100) NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"data" "bytea" NOT NULL,
	"caption" varchar(500),
	"taken_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"created_by" text,
	"updated_by" text,
	"deleted_by" text,
	CONSTRAINT "fulfillment_photos_biz_id_id_uq" UNIQUE("biz_id","id"),
	CONSTRAINT "fulfillment_photos_size" CHECK ("fulfillment_photos"."byte_size" > 0 AND "fulfillment_photos"."byte_size" <= 10485760),
	CONSTRAINT "fulfillment_photos_image" CHECK ("fulfillment_photos"."content_type" LIKE 'image/%')
);
--> statement-breakpoint
ALTER TABLE "fulfillment_photos" ADD CONSTRAINT "fulfillment_photos_biz_id_bizes_id_fk" FOREIGN KEY ("biz_id") REFERENCES "public"."bizes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_photos" ADD CONSTRAINT "fulfillment_photos_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_photos" ADD CONSTRAINT "fulfillment_photos_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_photos" ADD CONSTRAINT "fulfillment_photos_deleted_by_users_id_fk" FOREIGN KEY ("deleted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fulfillment_photos" ADD CONSTRAINT "fulfillment_photos_fulfillment_unit_id_fk" FOREIGN KEY ("biz_id","fulfillment_unit_id") REFERENCES "public"."fulfillment_units"("biz_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fulfillment_photos_unit_idx" ON "fulfillment_photos" USING btree ("biz_id","fulfillment_unit_id");