CREATE TABLE "feedback_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internship_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internship_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "internship_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internship_id" uuid NOT NULL,
	"new_end" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_user_id" uuid,
	"company_agreed_at" timestamp with time zone,
	"youth_agreed_at" timestamp with time zone,
	"status" text DEFAULT 'requested' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "internship_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"internship_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"attendance" jsonb NOT NULL,
	"did_well" text DEFAULT '' NOT NULL,
	"concern" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	"via_link" text
);
--> statement-breakpoint
CREATE TABLE "internships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"supervisor_user_id" uuid,
	"consultant_user_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"weekly_hours" integer NOT NULL,
	"tasks" text NOT NULL,
	"chosen_at" timestamp with time zone NOT NULL,
	"agreed_start" date NOT NULL,
	"first_day" date,
	"planned_end" date NOT NULL,
	"actual_end" date,
	"end_reason" text,
	"end_note" text DEFAULT '' NOT NULL,
	"vitas_status" text DEFAULT 'not_sent' NOT NULL,
	"vitas_reference" text DEFAULT '' NOT NULL,
	"vitas_sent_on" date,
	"vitas_approved_on" date,
	"previous_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "internships_hours_check" CHECK (weekly_hours between 15 and 37)
);
--> statement-breakpoint
CREATE TABLE "youth_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"youth_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"wellbeing" integer NOT NULL,
	"workplace" integer,
	"network" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "youth_checkins_scale_check" CHECK (wellbeing between 0 and 10 and network between 0 and 10 and coalesce(workplace, 0) between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email" text DEFAULT 'immediate' NOT NULL,
	"quiet_from" integer DEFAULT 21 NOT NULL,
	"quiet_to" integer DEFAULT 7 NOT NULL,
	"digest_hour" integer DEFAULT 8 NOT NULL,
	"last_digest_on" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"emailed" text,
	CONSTRAINT "notifications_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "internship_max_months" integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE "feedback_links" ADD CONSTRAINT "feedback_links_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "public"."internships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_events" ADD CONSTRAINT "internship_events_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "public"."internships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_events" ADD CONSTRAINT "internship_events_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_extensions" ADD CONSTRAINT "internship_extensions_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "public"."internships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_extensions" ADD CONSTRAINT "internship_extensions_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_feedback" ADD CONSTRAINT "internship_feedback_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "public"."internships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_feedback" ADD CONSTRAINT "internship_feedback_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internships" ADD CONSTRAINT "internships_consultant_user_id_users_id_fk" FOREIGN KEY ("consultant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_checkins" ADD CONSTRAINT "youth_checkins_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_links_week_idx" ON "feedback_links" USING btree ("internship_id","week_start");--> statement-breakpoint
CREATE INDEX "internship_events_internship_idx" ON "internship_events" USING btree ("internship_id","at");--> statement-breakpoint
CREATE INDEX "internship_extensions_internship_idx" ON "internship_extensions" USING btree ("internship_id");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_extensions_one_open_idx" ON "internship_extensions" USING btree ("internship_id") WHERE status = 'requested';--> statement-breakpoint
CREATE UNIQUE INDEX "internship_feedback_week_idx" ON "internship_feedback" USING btree ("internship_id","week_start");--> statement-breakpoint
CREATE INDEX "internships_municipality_status_idx" ON "internships" USING btree ("municipality_id","status");--> statement-breakpoint
CREATE INDEX "internships_youth_idx" ON "internships" USING btree ("youth_id");--> statement-breakpoint
CREATE INDEX "internships_company_idx" ON "internships" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "internships_supervisor_idx" ON "internships" USING btree ("supervisor_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "internships_one_open_idx" ON "internships" USING btree ("youth_id") WHERE status in ('planned', 'awaiting_approval', 'active', 'extended');--> statement-breakpoint
CREATE UNIQUE INDEX "youth_checkins_week_idx" ON "youth_checkins" USING btree ("youth_id","week_start");--> statement-breakpoint
CREATE INDEX "notifications_pending_idx" ON "notifications" USING btree ("user_id","delivered_at");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");