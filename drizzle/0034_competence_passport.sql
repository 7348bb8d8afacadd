CREATE TABLE "passport_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"passport_id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "passports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"strengths" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"support" text DEFAULT '' NOT NULL,
	"accommodations" text DEFAULT '' NOT NULL,
	"not_working" text DEFAULT '' NOT NULL,
	"own_words" text DEFAULT '' NOT NULL,
	"updated_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "passport_consents" ADD CONSTRAINT "passport_consents_passport_id_passports_id_fk" FOREIGN KEY ("passport_id") REFERENCES "public"."passports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passport_consents" ADD CONSTRAINT "passport_consents_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passports" ADD CONSTRAINT "passports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passports" ADD CONSTRAINT "passports_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passports" ADD CONSTRAINT "passports_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "passport_consents_in_force_idx" ON "passport_consents" USING btree ("passport_id","recipient_user_id") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "passport_consents_recipient_idx" ON "passport_consents" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "passports_youth_idx" ON "passports" USING btree ("youth_id");--> statement-breakpoint
CREATE INDEX "passports_municipality_idx" ON "passports" USING btree ("municipality_id");