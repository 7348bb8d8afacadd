CREATE TABLE "network_meeting_answers" (
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"response" text NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "network_meeting_answers_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id"),
	CONSTRAINT "network_meeting_answers_response_check" CHECK (response in ('coming', 'not_coming'))
);
--> statement-breakpoint
CREATE TABLE "group_session_guests" (
	"group_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"company_id" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "group_session_guests_group_id_held_on_pk" PRIMARY KEY("group_id","held_on")
);
--> statement-breakpoint
ALTER TABLE "network_meeting_companies" ADD COLUMN "attended" boolean;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "minutes" integer DEFAULT 120 NOT NULL;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "place" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "agenda" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD COLUMN "attendance_at" timestamp with time zone;--> statement-breakpoint
-- Custom (decision 0031): the meetings recorded so far were held. Each becomes a meeting at 9.00
-- Danish time on its day, with attendance recorded when it was entered, and its companies as the
-- invited companies that came.
UPDATE "network_meetings" SET "starts_at" = ("held_on" + time '09:00') AT TIME ZONE 'Europe/Copenhagen', "attendance_at" = "created_at";--> statement-breakpoint
UPDATE "network_meeting_companies" SET "attended" = true;--> statement-breakpoint
ALTER TABLE "network_meetings" ALTER COLUMN "starts_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "network_meetings" DROP COLUMN "held_on";--> statement-breakpoint
ALTER TABLE "network_meeting_answers" ADD CONSTRAINT "network_meeting_answers_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_answers" ADD CONSTRAINT "network_meeting_answers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_answers" ADD CONSTRAINT "network_meeting_answers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_guests" ADD CONSTRAINT "group_session_guests_group_id_network_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."network_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_guests" ADD CONSTRAINT "group_session_guests_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_session_guests" ADD CONSTRAINT "group_session_guests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_session_guests_company_idx" ON "group_session_guests" USING btree ("company_id","held_on");--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_meeting_companies_company_idx" ON "network_meeting_companies" USING btree ("company_id");--> statement-breakpoint
DROP INDEX IF EXISTS "network_meetings_municipality_idx";--> statement-breakpoint
CREATE INDEX "network_meetings_municipality_idx" ON "network_meetings" USING btree ("municipality_id","starts_at");--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_minutes_check" CHECK (minutes between 15 and 480);