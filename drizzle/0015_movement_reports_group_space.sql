CREATE TABLE "group_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "movement_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"assessed_on" date NOT NULL,
	"source" text NOT NULL,
	"scores" jsonb NOT NULL,
	"reasons" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "movement_assessments_source_check" CHECK (source in ('counsellor', 'youth'))
);
--> statement-breakpoint
CREATE TABLE "movement_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"facts" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"youth_comment" text DEFAULT '' NOT NULL,
	"youth_confirmed_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"approved_by_user_id" uuid,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "movement_reports_status_check" CHECK (status in ('draft', 'approved', 'held', 'sent'))
);
--> statement-breakpoint
CREATE TABLE "report_consents" (
	"youth_id" uuid PRIMARY KEY NOT NULL,
	"to_caseworker" boolean NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "network_groups" ADD COLUMN "meets_weekday" integer;--> statement-breakpoint
ALTER TABLE "network_groups" ADD COLUMN "meets_at" text;--> statement-breakpoint
ALTER TABLE "network_groups" ADD COLUMN "meets_place" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "support_notes" ADD COLUMN "only_for_user_id" uuid;--> statement-breakpoint
ALTER TABLE "group_posts" ADD CONSTRAINT "group_posts_group_id_network_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."network_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_posts" ADD CONSTRAINT "group_posts_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_posts" ADD CONSTRAINT "group_posts_hidden_by_user_id_users_id_fk" FOREIGN KEY ("hidden_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_assessments" ADD CONSTRAINT "movement_assessments_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_assessments" ADD CONSTRAINT "movement_assessments_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_assessments" ADD CONSTRAINT "movement_assessments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_reports" ADD CONSTRAINT "movement_reports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_reports" ADD CONSTRAINT "movement_reports_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_reports" ADD CONSTRAINT "movement_reports_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_consents" ADD CONSTRAINT "report_consents_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_posts_group_idx" ON "group_posts" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "movement_assessments_day_idx" ON "movement_assessments" USING btree ("youth_id","assessed_on","source");--> statement-breakpoint
CREATE INDEX "movement_assessments_municipality_idx" ON "movement_assessments" USING btree ("municipality_id","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "movement_reports_period_idx" ON "movement_reports" USING btree ("youth_id","period_start");--> statement-breakpoint
CREATE INDEX "movement_reports_municipality_idx" ON "movement_reports" USING btree ("municipality_id","status");--> statement-breakpoint
ALTER TABLE "support_notes" ADD CONSTRAINT "support_notes_only_for_user_id_users_id_fk" FOREIGN KEY ("only_for_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_groups" ADD CONSTRAINT "network_groups_weekday_check" CHECK (meets_weekday between 1 and 7);