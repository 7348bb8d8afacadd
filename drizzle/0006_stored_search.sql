DROP INDEX "companies_search_idx";--> statement-breakpoint
DROP INDEX "companies_name_trgm_idx";--> statement-breakpoint
DROP INDEX "openings_search_idx";--> statement-breakpoint
DROP INDEX "openings_title_trgm_idx";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('danish', "companies"."name" || ' ' || "companies"."area" || ' ' || "companies"."why_joined")) STORED;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "name_plain" text GENERATED ALWAYS AS (nw_unaccent("companies"."name")) STORED;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('danish', "openings"."title" || ' ' || "openings"."tasks" || ' ' || "openings"."place" || ' ' || "openings"."learning")) STORED;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "title_plain" text GENERATED ALWAYS AS (nw_unaccent("openings"."title")) STORED;--> statement-breakpoint
CREATE INDEX "companies_search_idx" ON "companies" USING gin ("search");--> statement-breakpoint
CREATE INDEX "companies_name_trgm_idx" ON "companies" USING gin ("name_plain" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "openings_search_idx" ON "openings" USING gin ("search");--> statement-breakpoint
CREATE INDEX "openings_title_trgm_idx" ON "openings" USING gin ("title_plain" gin_trgm_ops);