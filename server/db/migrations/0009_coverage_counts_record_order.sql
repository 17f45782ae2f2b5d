CREATE TABLE "activity_theme_months" (
	"unit_code" text NOT NULL,
	"month" text NOT NULL,
	"theme_id" uuid NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_theme_months_unit_code_month_theme_id_pk" PRIMARY KEY("unit_code","month","theme_id")
);
--> statement-breakpoint
CREATE TABLE "activity_week_counts" (
	"unit_code" text NOT NULL,
	"week" date NOT NULL,
	"activities" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_week_counts_unit_code_week_pk" PRIMARY KEY("unit_code","week")
);
--> statement-breakpoint
CREATE INDEX "activity_theme_months_scope_idx" ON "activity_theme_months" USING btree ("unit_code" text_pattern_ops,"month");--> statement-breakpoint
CREATE INDEX "activity_week_counts_week_idx" ON "activity_week_counts" USING btree ("unit_code" text_pattern_ops,"week");--> statement-breakpoint
CREATE INDEX "service_records_time_idx" ON "service_records" USING btree ("started_at","id");--> statement-breakpoint
CREATE INDEX "service_records_pending_idx" ON "service_records" USING btree ("started_at","id") WHERE "service_records"."status" = 'pending';--> statement-breakpoint
CREATE OR REPLACE FUNCTION wm_activity_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only a change of what the counts depend on moves them (edits of titles, places, … do not).
  IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.unit_code = NEW.unit_code
     AND OLD.starts_at = NEW.starts_at AND OLD.theme_id IS NOT DISTINCT FROM NEW.theme_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('published', 'in_progress', 'finished') THEN
    UPDATE activity_week_counts SET activities = activities - 1
      WHERE unit_code = OLD.unit_code AND week = date_trunc('week', OLD.starts_at AT TIME ZONE 'Asia/Shanghai')::date;
    IF OLD.theme_id IS NOT NULL THEN
      UPDATE activity_theme_months SET activities = activities - 1
        WHERE unit_code = OLD.unit_code AND month = to_char(OLD.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AND theme_id = OLD.theme_id;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('published', 'in_progress', 'finished') THEN
    INSERT INTO activity_week_counts (unit_code, week, activities)
      VALUES (NEW.unit_code, date_trunc('week', NEW.starts_at AT TIME ZONE 'Asia/Shanghai')::date, 1)
      ON CONFLICT (unit_code, week) DO UPDATE SET activities = activity_week_counts.activities + 1;
    IF NEW.theme_id IS NOT NULL THEN
      INSERT INTO activity_theme_months (unit_code, month, theme_id, activities)
        VALUES (NEW.unit_code, to_char(NEW.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), NEW.theme_id, 1)
        ON CONFLICT (unit_code, month, theme_id) DO UPDATE SET activities = activity_theme_months.activities + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_counts AFTER INSERT OR UPDATE OR DELETE ON activities FOR EACH ROW EXECUTE FUNCTION wm_activity_counts();
--> statement-breakpoint
INSERT INTO activity_week_counts (unit_code, week, activities)
  SELECT unit_code, date_trunc('week', starts_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)::int FROM activities
  WHERE status IN ('published', 'in_progress', 'finished') GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO activity_theme_months (unit_code, month, theme_id, activities)
  SELECT unit_code, to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), theme_id, count(*)::int FROM activities
  WHERE status IN ('published', 'in_progress', 'finished') AND theme_id IS NOT NULL GROUP BY 1, 2, 3;
