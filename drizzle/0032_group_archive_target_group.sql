ALTER TABLE "network_groups" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "youth" ADD COLUMN "target_group" text;--> statement-breakpoint
ALTER TABLE "youth" ADD CONSTRAINT "youth_target_group_check" CHECK (target_group in ('aktivitetsparat', 'uddannelsesparat', 'jobparat', 'other'));