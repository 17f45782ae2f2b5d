CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"programme_id" uuid,
	"topic" text NOT NULL,
	"brands" text[] DEFAULT '{}'::text[] NOT NULL,
	"theme_id" uuid,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"team_id" uuid,
	"site_id" uuid,
	"address" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"volunteer_slots" integer DEFAULT 0 NOT NULL,
	"required_skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"required_qualifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"citizen_places" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"series_id" uuid,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"cancel_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_time_ck" CHECK ("activities"."ends_at" > "activities"."starts_at"),
	CONSTRAINT "activities_places_ck" CHECK ("activities"."volunteer_slots" >= 0 and "activities"."citizen_places" >= 0)
);
--> statement-breakpoint
CREATE TABLE "activity_posters" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"data" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"weekdays" integer[] NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"first_date" text NOT NULL,
	"last_date" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_themes_month_ck" CHECK ("monthly_themes"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"title" text NOT NULL,
	"topic" text NOT NULL,
	"platform" text,
	"brands" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"adopted_from" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"activity_review" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_theme_id_monthly_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."monthly_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_series_id_activity_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."activity_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_posters" ADD CONSTRAINT "activity_posters_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_series" ADD CONSTRAINT "activity_series_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_themes" ADD CONSTRAINT "monthly_themes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_settings" ADD CONSTRAINT "unit_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_unit_time_idx" ON "activities" USING btree ("unit_code" text_pattern_ops,"starts_at");--> statement-breakpoint
CREATE INDEX "activities_time_idx" ON "activities" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "activities_site_time_idx" ON "activities" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_series_idx" ON "activities" USING btree ("series_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_themes_unit_month_uq" ON "monthly_themes" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "programmes_unit_code_idx" ON "programmes" USING btree ("unit_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_adoption_uq" ON "programmes" USING btree ("unit_id","adopted_from");--> statement-breakpoint
-- Programmes and activities copy their unit's code for scope checks; follow moves like the registry tables do.
CREATE OR REPLACE FUNCTION wm_follow_unit_code() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE volunteers SET home_unit_code = NEW.code WHERE home_unit_id = NEW.id;
  UPDATE teams SET unit_code = NEW.code WHERE unit_id = NEW.id;
  UPDATE courses SET unit_code = NEW.code WHERE unit_id = NEW.id;
  UPDATE programmes SET unit_code = NEW.code WHERE unit_id = NEW.id;
  UPDATE activities SET unit_code = NEW.code WHERE unit_id = NEW.id;
  RETURN NULL;
END $$;
