CREATE TABLE "trial_outcomes" (
	"participant_id" uuid NOT NULL,
	"horizon" integer NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trial_outcomes_horizon_check" CHECK (horizon in (3, 6, 12, 24))
);
--> statement-breakpoint
CREATE TABLE "trial_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trial_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"stratum" text NOT NULL,
	"arm" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"subject_hash" text NOT NULL,
	"previous_hash" text NOT NULL,
	"hash" text NOT NULL,
	"cpr_sealed" text NOT NULL,
	"baseline" jsonb NOT NULL,
	"youth_id" uuid,
	"took_up" boolean,
	"assigned_by_user_id" uuid,
	CONSTRAINT "trial_participants_arm_check" CHECK (arm in ('nextwork', 'control'))
);
--> statement-breakpoint
CREATE TABLE "trials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'recruiting' NOT NULL,
	"ratio_treatment" integer NOT NULL,
	"ratio_control" integer NOT NULL,
	"block_multiplier" integer NOT NULL,
	"stratify_by" jsonb NOT NULL,
	"seed_sealed" text NOT NULL,
	"started_on" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trials_ratio_check" CHECK (ratio_treatment between 1 and 5 and ratio_control between 1 and 5 and block_multiplier between 1 and 10)
);
--> statement-breakpoint
ALTER TABLE "trial_outcomes" ADD CONSTRAINT "trial_outcomes_participant_id_trial_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."trial_participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_participants" ADD CONSTRAINT "trial_participants_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_participants" ADD CONSTRAINT "trial_participants_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_participants" ADD CONSTRAINT "trial_participants_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trials" ADD CONSTRAINT "trials_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trial_outcomes_horizon_idx" ON "trial_outcomes" USING btree ("participant_id","horizon");--> statement-breakpoint
CREATE UNIQUE INDEX "trial_participants_sequence_idx" ON "trial_participants" USING btree ("trial_id","sequence");--> statement-breakpoint
CREATE UNIQUE INDEX "trial_participants_subject_idx" ON "trial_participants" USING btree ("trial_id","subject_hash");--> statement-breakpoint
CREATE INDEX "trial_participants_stratum_idx" ON "trial_participants" USING btree ("trial_id","stratum");--> statement-breakpoint
CREATE UNIQUE INDEX "trials_one_recruiting_idx" ON "trials" USING btree ("municipality_id") WHERE status = 'recruiting';