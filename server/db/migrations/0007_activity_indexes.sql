CREATE INDEX "activities_programme_idx" ON "activities" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "activities_theme_idx" ON "activities" USING btree ("theme_id");