ALTER TABLE "municipalities" ADD COLUMN "youth_retention_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "youth" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
-- Custom: the retention period is between six months and ten years (decision 0027).
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_youth_retention_check" CHECK ("youth_retention_months" BETWEEN 6 AND 120);
