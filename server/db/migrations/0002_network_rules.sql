DROP INDEX "sites_unit_idx";--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "belts_unit_code_idx" ON "belts" USING btree ("unit_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "retired_civic_tokens_site_idx" ON "retired_civic_tokens" USING btree ("site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_unit_name_uq" ON "sites" USING btree ("unit_id","name");--> statement-breakpoint
CREATE INDEX "sites_kind_idx" ON "sites" USING btree ("kind");