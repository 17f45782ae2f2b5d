CREATE SEQUENCE "public"."certificate_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "attendances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"checked_out_at" timestamp with time zone,
	"in_method" text NOT NULL,
	"out_method" text,
	"in_by" uuid,
	"out_by" uuid,
	"in_lat" double precision,
	"in_lng" double precision,
	"auto_closed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendances_order_ck" CHECK ("attendances"."checked_out_at" is null or "attendances"."checked_out_at" >= "attendances"."checked_in_at")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" text NOT NULL,
	"scope" text NOT NULL,
	"route" text NOT NULL,
	"status_code" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"signup_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"volunteer_id" uuid,
	"name" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"manage_token" text,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"promoted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signups_who_ck" CHECK (("signups"."kind" = 'volunteer' and "signups"."volunteer_id" is not null) or ("signups"."kind" = 'citizen' and "signups"."phone" <> ''))
);
--> statement-breakpoint
CREATE TABLE "certificate_records" (
	"certificate_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	CONSTRAINT "certificate_records_certificate_id_record_id_pk" PRIMARY KEY("certificate_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text,
	"volunteer_id" uuid NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"issuing_unit_id" uuid NOT NULL,
	"issuing_unit_code" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reject_reason" text,
	"issued_at" timestamp with time zone,
	"snapshot" jsonb,
	"signature" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"team_id" uuid,
	"attendance_id" uuid,
	"source" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"requested_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"frozen" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_records_minutes_ck" CHECK ("service_records"."minutes" > 0 and "service_records"."minutes" <= 1440),
	CONSTRAINT "service_records_time_ck" CHECK ("service_records"."ended_at" > "service_records"."started_at")
);
--> statement-breakpoint
CREATE TABLE "service_totals" (
	"unit_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"team_key" text DEFAULT '' NOT NULL,
	"month" text NOT NULL,
	"minutes" bigint DEFAULT 0 NOT NULL,
	"records" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "star_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"minutes_at" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reached_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "star_levels" (
	"level" integer PRIMARY KEY NOT NULL,
	"min_hours" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "star_levels_ck" CHECK ("star_levels"."level" between 1 and 5 and "star_levels"."min_hours" > 0)
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "cancel_cutoff_minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "geofence_meters" integer;--> statement-breakpoint
ALTER TABLE "volunteers" ADD COLUMN "calendar_token" text;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_signup_id_signups_id_fk" FOREIGN KEY ("signup_id") REFERENCES "public"."signups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signups" ADD CONSTRAINT "signups_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_records" ADD CONSTRAINT "certificate_records_certificate_id_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_records" ADD CONSTRAINT "certificate_records_record_id_service_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."service_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_issuing_unit_id_units_id_fk" FOREIGN KEY ("issuing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_attendance_id_attendances_id_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."attendances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_totals" ADD CONSTRAINT "service_totals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "star_awards" ADD CONSTRAINT "star_awards_volunteer_id_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attendances_open_uq" ON "attendances" USING btree ("activity_id","volunteer_id") WHERE "attendances"."checked_out_at" is null;--> statement-breakpoint
CREATE INDEX "attendances_activity_idx" ON "attendances" USING btree ("activity_id","volunteer_id","checked_in_at");--> statement-breakpoint
CREATE INDEX "attendances_open_idx" ON "attendances" USING btree ("checked_in_at") WHERE "attendances"."checked_out_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_uq" ON "idempotency_keys" USING btree ("scope","key");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notifications_volunteer_idx" ON "notifications" USING btree ("volunteer_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_uq" ON "reminder_deliveries" USING btree ("signup_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "signups_volunteer_uq" ON "signups" USING btree ("activity_id","volunteer_id") WHERE "signups"."status" <> 'cancelled' and "signups"."volunteer_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "signups_citizen_uq" ON "signups" USING btree ("activity_id","phone") WHERE "signups"."status" <> 'cancelled' and "signups"."kind" = 'citizen';--> statement-breakpoint
CREATE UNIQUE INDEX "signups_manage_token_uq" ON "signups" USING btree ("manage_token");--> statement-breakpoint
CREATE INDEX "signups_activity_idx" ON "signups" USING btree ("activity_id","kind","status","created_at");--> statement-breakpoint
CREATE INDEX "signups_volunteer_idx" ON "signups" USING btree ("volunteer_id","created_at");--> statement-breakpoint
CREATE INDEX "certificate_records_record_idx" ON "certificate_records" USING btree ("record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number_uq" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE INDEX "certificates_volunteer_idx" ON "certificates" USING btree ("volunteer_id","requested_at");--> statement-breakpoint
CREATE INDEX "certificates_scope_idx" ON "certificates" USING btree ("issuing_unit_code" text_pattern_ops,"status","requested_at");--> statement-breakpoint
CREATE INDEX "service_records_volunteer_idx" ON "service_records" USING btree ("volunteer_id","started_at");--> statement-breakpoint
CREATE INDEX "service_records_scope_idx" ON "service_records" USING btree ("unit_code" text_pattern_ops,"status","started_at");--> statement-breakpoint
CREATE INDEX "service_records_activity_idx" ON "service_records" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "service_records_team_idx" ON "service_records" USING btree ("team_id","started_at");--> statement-breakpoint
CREATE INDEX "service_records_attendance_idx" ON "service_records" USING btree ("attendance_id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_records_pending_correction_uq" ON "service_records" USING btree ("previous_id") WHERE "service_records"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "service_totals_uq" ON "service_totals" USING btree ("unit_id","team_key","month");--> statement-breakpoint
CREATE INDEX "service_totals_scope_idx" ON "service_totals" USING btree ("unit_code" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "service_totals_team_idx" ON "service_totals" USING btree ("team_key","month");--> statement-breakpoint
CREATE UNIQUE INDEX "star_awards_uq" ON "star_awards" USING btree ("volunteer_id","level");--> statement-breakpoint
CREATE INDEX "star_awards_pending_idx" ON "star_awards" USING btree ("status","reached_at");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_calendar_token_uq" ON "volunteers" USING btree ("calendar_token");--> statement-breakpoint
INSERT INTO "star_levels" ("level", "min_hours") VALUES (1, 100), (2, 300), (3, 600), (4, 1000), (5, 1500);
--> statement-breakpoint
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
  RETURN NULL;
END $$;
