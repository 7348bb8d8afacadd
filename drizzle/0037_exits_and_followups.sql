CREATE TABLE "youth_exit_followups" (
	"youth_id" uuid NOT NULL,
	"months" integer NOT NULL,
	"outcome" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	CONSTRAINT "youth_exit_followups_youth_id_months_pk" PRIMARY KEY("youth_id","months"),
	CONSTRAINT "youth_exit_followups_months_check" CHECK (months in (3, 6, 12)),
	CONSTRAINT "youth_exit_followups_outcome_check" CHECK (outcome in ('job', 'education', 'benefits', 'other'))
);
--> statement-breakpoint
CREATE TABLE "youth_exits" (
	"youth_id" uuid PRIMARY KEY NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"exited_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	CONSTRAINT "youth_exits_kind_check" CHECK (kind in ('job', 'job_subsidy', 'education', 'other_programme', 'moved', 'dropped_out', 'not_eligible', 'other'))
);
--> statement-breakpoint
ALTER TABLE "youth_exit_followups" ADD CONSTRAINT "youth_exit_followups_youth_id_youth_exits_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth_exits"("youth_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_exit_followups" ADD CONSTRAINT "youth_exit_followups_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_exits" ADD CONSTRAINT "youth_exits_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_exits" ADD CONSTRAINT "youth_exits_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_exits" ADD CONSTRAINT "youth_exits_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "youth_exits_municipality_idx" ON "youth_exits" USING btree ("municipality_id","exited_on");