ALTER TABLE "movement_reports" ADD COLUMN "held_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "youth" ADD COLUMN "caseworker_user_id" uuid;--> statement-breakpoint
ALTER TABLE "youth" ADD CONSTRAINT "youth_caseworker_user_id_users_id_fk" FOREIGN KEY ("caseworker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "youth_caseworker_idx" ON "youth" USING btree ("caseworker_user_id");