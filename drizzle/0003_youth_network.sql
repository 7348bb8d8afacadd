CREATE TABLE "youth" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"cpr_sealed" text NOT NULL,
	"cpr_hash" text NOT NULL,
	"birth_date" date NOT NULL,
	"referring_caseworker" text NOT NULL,
	"referred_on" date NOT NULL,
	"hours_possible" integer NOT NULL,
	"eligibility_note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'referred' NOT NULL,
	"status_since" timestamp with time zone NOT NULL,
	"wish_to_try" text DEFAULT '' NOT NULL,
	"good_at" text DEFAULT '' NOT NULL,
	"matters_at_work" text DEFAULT '' NOT NULL,
	"practical_hours" text DEFAULT '' NOT NULL,
	"practical_transport" text DEFAULT '' NOT NULL,
	"can_start_on" date,
	"visibility" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "youth_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD COLUMN "youth_id" uuid;--> statement-breakpoint
ALTER TABLE "youth" ADD CONSTRAINT "youth_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth" ADD CONSTRAINT "youth_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_status_history" ADD CONSTRAINT "youth_status_history_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_status_history" ADD CONSTRAINT "youth_status_history_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "youth_municipality_cpr_idx" ON "youth" USING btree ("municipality_id","cpr_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "youth_user_idx" ON "youth" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "youth_municipality_status_idx" ON "youth" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "youth_status_history_youth_idx" ON "youth_status_history" USING btree ("youth_id","at");