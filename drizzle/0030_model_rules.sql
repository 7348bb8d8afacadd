ALTER TABLE "municipalities" ADD COLUMN "internship_min_months" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "start_within_days" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "group_size_min" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "group_size_max" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_rules_check" CHECK ("internship_min_months" BETWEEN 1 AND 12 AND "internship_max_months" BETWEEN "internship_min_months" AND 12 AND "start_within_days" BETWEEN 1 AND 60 AND "group_size_min" BETWEEN 3 AND 9 AND "group_size_max" BETWEEN "group_size_min" AND 9);
