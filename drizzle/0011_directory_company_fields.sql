ALTER TABLE "openings" ADD COLUMN "company_listed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "company_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "company_name_sort" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "company_trade" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "company_area" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "openings_directory_idx" ON "openings" USING btree ("municipality_id","company_name_sort","title") WHERE published and company_listed;