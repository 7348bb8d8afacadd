CREATE TABLE "education_institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institution_contacts" (
	"institution_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "institution_contacts_institution_id_user_id_pk" PRIMARY KEY("institution_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "partnership_handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by_user_id" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"youth_id" uuid,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "partnership_handovers_status_check" CHECK (status in ('pending', 'accepted'))
);
--> statement-breakpoint
CREATE TABLE "partnership_youth" (
	"partnership_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"added_by_user_id" uuid,
	CONSTRAINT "partnership_youth_partnership_id_youth_id_pk" PRIMARY KEY("partnership_id","youth_id")
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"target_youth" integer DEFAULT 10 NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"development_group" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partnerships_status_check" CHECK (status in ('planned', 'active', 'ended')),
	CONSTRAINT "partnerships_target_check" CHECK (target_youth between 1 and 100),
	CONSTRAINT "partnerships_period_check" CHECK (ends_on is null or ends_on >= starts_on)
);
--> statement-breakpoint
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
ALTER TABLE "education_institutions" ADD CONSTRAINT "education_institutions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_contacts" ADD CONSTRAINT "institution_contacts_institution_id_education_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."education_institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_contacts" ADD CONSTRAINT "institution_contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_handovers" ADD CONSTRAINT "partnership_handovers_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_handovers" ADD CONSTRAINT "partnership_handovers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_handovers" ADD CONSTRAINT "partnership_handovers_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_handovers" ADD CONSTRAINT "partnership_handovers_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_handovers" ADD CONSTRAINT "partnership_handovers_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_youth" ADD CONSTRAINT "partnership_youth_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_youth" ADD CONSTRAINT "partnership_youth_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_youth" ADD CONSTRAINT "partnership_youth_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_institution_id_education_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."education_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passport_consents" ADD CONSTRAINT "passport_consents_passport_id_passports_id_fk" FOREIGN KEY ("passport_id") REFERENCES "public"."passports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passport_consents" ADD CONSTRAINT "passport_consents_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passports" ADD CONSTRAINT "passports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passports" ADD CONSTRAINT "passports_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "passports" ADD CONSTRAINT "passports_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "education_institutions_name_idx" ON "education_institutions" USING btree ("municipality_id",lower("name"));--> statement-breakpoint
CREATE INDEX "institution_contacts_user_idx" ON "institution_contacts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "partnership_handovers_partnership_idx" ON "partnership_handovers" USING btree ("partnership_id","status");--> statement-breakpoint
CREATE INDEX "partnership_youth_youth_idx" ON "partnership_youth" USING btree ("youth_id");--> statement-breakpoint
CREATE INDEX "partnerships_municipality_idx" ON "partnerships" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "partnerships_institution_idx" ON "partnerships" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "passport_consents_in_force_idx" ON "passport_consents" USING btree ("passport_id","recipient_user_id") WHERE withdrawn_at is null;--> statement-breakpoint
CREATE INDEX "passport_consents_recipient_idx" ON "passport_consents" USING btree ("recipient_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "passports_youth_idx" ON "passports" USING btree ("youth_id");--> statement-breakpoint
CREATE INDEX "passports_municipality_idx" ON "passports" USING btree ("municipality_id");