ALTER TABLE "users" ADD COLUMN "phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "show_phone" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "show_email" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "internships" ADD COLUMN "first_day_time" text;--> statement-breakpoint
ALTER TABLE "internships" ADD COLUMN "meet_at" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "internships" ADD COLUMN "what_to_bring" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_first_day_time_check" CHECK (first_day_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');