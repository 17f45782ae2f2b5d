DROP INDEX "volunteers_home_unit_code_idx";--> statement-breakpoint
CREATE INDEX "course_sessions_upcoming_idx" ON "course_sessions" USING btree ("starts_at") WHERE "course_sessions"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "volunteers_scope_number_idx" ON "volunteers" USING btree ("home_unit_code" text_pattern_ops,"number") WHERE "volunteers"."merged_into" is null;--> statement-breakpoint
CREATE INDEX "volunteers_pending_idx" ON "volunteers" USING btree ("home_unit_code" text_pattern_ops,"number") WHERE "volunteers"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_time_ck" CHECK ("course_sessions"."ends_at" > "course_sessions"."starts_at");--> statement-breakpoint
ALTER TABLE "course_sessions" ADD CONSTRAINT "course_sessions_capacity_ck" CHECK ("course_sessions"."capacity" >= 1);--> statement-breakpoint
-- Two-character name fragments (most Chinese given names, 晓燕) are below what pg_trgm can index: index the
-- names' character pairs instead, searched with wm_bigrams(name) @> array['晓燕'].
CREATE OR REPLACE FUNCTION wm_bigrams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT coalesce(array_agg(substr(lower(t), i, 2)), '{}') FROM generate_series(1, char_length(t) - 1) AS i $$;--> statement-breakpoint
CREATE INDEX "volunteers_name_bigram_idx" ON "volunteers" USING gin (wm_bigrams("name"));
--> statement-breakpoint
-- A finer sample for LIKE estimates on fragments: at the default, a 4-digit phone fragment is guessed at 1% of
-- the table, and the planner then walks the whole scope in list order instead of using the trigram index.
ALTER TABLE "volunteers" ALTER COLUMN "phone" SET STATISTICS 1000;--> statement-breakpoint
ALTER TABLE "volunteers" ALTER COLUMN "name" SET STATISTICS 1000;
