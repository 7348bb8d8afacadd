CREATE TABLE "staff_time" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"activity" text NOT NULL,
	"minutes" integer NOT NULL,
	"youth_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_time_minutes_check" CHECK (minutes between 1 and 3600),
	CONSTRAINT "staff_time_kind_check" CHECK (kind in ('entry', 'week'))
);
--> statement-breakpoint
CREATE TABLE "trial_economics" (
	"trial_id" uuid PRIMARY KEY NOT NULL,
	"hourly_cost" integer NOT NULL,
	"other_costs" integer NOT NULL,
	"benefits_per_year" integer NOT NULL,
	"taxes_per_year" integer NOT NULL,
	"effect_years" integer NOT NULL,
	"horizon" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "staff_time" ADD CONSTRAINT "staff_time_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_time" ADD CONSTRAINT "staff_time_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_time" ADD CONSTRAINT "staff_time_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_economics" ADD CONSTRAINT "trial_economics_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_economics" ADD CONSTRAINT "trial_economics_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_time_municipality_idx" ON "staff_time" USING btree ("municipality_id","on");--> statement-breakpoint
CREATE INDEX "staff_time_user_idx" ON "staff_time" USING btree ("user_id","on");