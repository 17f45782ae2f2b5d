CREATE TABLE "menu_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"team_id" uuid,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"site_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"weekly_quota" integer,
	"home_visit" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "menu_items_quota_ck" CHECK ("menu_items"."weekly_quota" is null or "menu_items"."weekly_quota" > 0)
);
--> statement-breakpoint
ALTER TABLE "menu_items" ADD CONSTRAINT "menu_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "menu_items" ADD CONSTRAINT "menu_items_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "menu_items_scope_idx" ON "menu_items" USING btree ("unit_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "menu_items_unit_idx" ON "menu_items" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "menu_items_sites_idx" ON "menu_items" USING gin ("site_ids");--> statement-breakpoint
CREATE OR REPLACE FUNCTION wm_follow_unit_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE volunteers SET home_unit_code = NEW.code WHERE home_unit_id = NEW.id;
  UPDATE teams SET unit_code = NEW.code WHERE unit_id = NEW.id;
  UPDATE courses SET unit_code = NEW.code WHERE unit_id = NEW.id;
  UPDATE programmes SET unit_code = NEW.code WHERE unit_id = NEW.id;
  UPDATE activities SET unit_code = NEW.code WHERE unit_id = NEW.id;
  UPDATE service_records SET unit_code = NEW.code WHERE unit_id = NEW.id;
  UPDATE service_totals SET unit_code = NEW.code WHERE unit_id = NEW.id;
  UPDATE certificates SET issuing_unit_code = NEW.code WHERE issuing_unit_id = NEW.id;
  UPDATE menu_items SET unit_code = NEW.code WHERE unit_id = NEW.id;
  RETURN NULL;
END $$;
