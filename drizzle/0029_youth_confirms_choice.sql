ALTER TABLE "internships" ADD COLUMN "youth_confirmed_at" timestamp with time zone;--> statement-breakpoint
-- Internships from before: their clocks already ran from the choice.
UPDATE "internships" SET "youth_confirmed_at" = "chosen_at";
