DROP INDEX "openings_search_idx";--> statement-breakpoint
CREATE INDEX "openings_search_idx" ON "openings" USING gin ("search") WHERE "openings"."published" and "openings"."company_listed";--> statement-breakpoint
-- Browsing by trade or area reads only that trade's or area's entries, already in the directory's
-- name order, instead of every listed opening in the municipality (trade=Q&hours=25 on 20,000
-- openings: 3.4 → 1.0 ms). Drizzle cannot declare INCLUDE, hence here.
CREATE INDEX "openings_directory_trade_idx" ON "openings" ("municipality_id", "company_trade", "company_name_sort", "title")
  INCLUDE ("id", "company_id", "weekly_hours", "start_from", "company_area")
  WHERE "published" AND "company_listed";
--> statement-breakpoint
CREATE INDEX "openings_directory_area_idx" ON "openings" ("municipality_id", "company_area", "company_name_sort", "title")
  INCLUDE ("id", "company_id", "weekly_hours", "start_from", "company_trade")
  WHERE "published" AND "company_listed";
