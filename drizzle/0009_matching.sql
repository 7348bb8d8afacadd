CREATE TABLE "company_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"tier" integer DEFAULT 1 NOT NULL,
	"answered_at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	CONSTRAINT "company_answers_tier_check" CHECK (tier between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "direct_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"opening_id" uuid,
	"youth_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "match_event_companies" (
	"event_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"response" text DEFAULT 'pending' NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "match_event_companies_event_id_company_id_pk" PRIMARY KEY("event_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "match_event_openings" (
	"event_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	CONSTRAINT "match_event_openings_event_id_opening_id_pk" PRIMARY KEY("event_id","opening_id")
);
--> statement-breakpoint
CREATE TABLE "match_event_youth" (
	"event_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"response" text DEFAULT 'pending' NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "match_event_youth_event_id_youth_id_pk" PRIMARY KEY("event_id","youth_id")
);
--> statement-breakpoint
CREATE TABLE "match_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"programme" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "match_events_time_check" CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE "matching_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"event_id" uuid,
	"seed" integer NOT NULL,
	"input" jsonb NOT NULL,
	"stats" jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"run_by_user_id" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "round_placements" (
	"round_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"opening_id" uuid,
	"wish_rank" integer,
	"status" text NOT NULL,
	"decided_at" timestamp with time zone,
	"internship_id" uuid,
	CONSTRAINT "round_placements_round_id_youth_id_pk" PRIMARY KEY("round_id","youth_id")
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wishes_rank_check" CHECK (rank >= 1)
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "wish_limit" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "company_answers" ADD CONSTRAINT "company_answers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_answers" ADD CONSTRAINT "company_answers_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_answers" ADD CONSTRAINT "company_answers_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_answers" ADD CONSTRAINT "company_answers_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_invitations" ADD CONSTRAINT "direct_invitations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_invitations" ADD CONSTRAINT "direct_invitations_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_invitations" ADD CONSTRAINT "direct_invitations_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_invitations" ADD CONSTRAINT "direct_invitations_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direct_invitations" ADD CONSTRAINT "direct_invitations_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_event_companies" ADD CONSTRAINT "match_event_companies_event_id_match_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."match_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_event_companies" ADD CONSTRAINT "match_event_companies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_event_openings" ADD CONSTRAINT "match_event_openings_event_id_match_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."match_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_event_openings" ADD CONSTRAINT "match_event_openings_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_event_youth" ADD CONSTRAINT "match_event_youth_event_id_match_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."match_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_event_youth" ADD CONSTRAINT "match_event_youth_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_events" ADD CONSTRAINT "match_events_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_rounds" ADD CONSTRAINT "matching_rounds_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_rounds" ADD CONSTRAINT "matching_rounds_event_id_match_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."match_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_rounds" ADD CONSTRAINT "matching_rounds_run_by_user_id_users_id_fk" FOREIGN KEY ("run_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_placements" ADD CONSTRAINT "round_placements_round_id_matching_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."matching_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_placements" ADD CONSTRAINT "round_placements_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_placements" ADD CONSTRAINT "round_placements_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_placements" ADD CONSTRAINT "round_placements_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "public"."internships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "company_answers_opening_youth_idx" ON "company_answers" USING btree ("opening_id","youth_id");--> statement-breakpoint
CREATE INDEX "direct_invitations_youth_idx" ON "direct_invitations" USING btree ("youth_id","at");--> statement-breakpoint
CREATE INDEX "match_event_companies_company_idx" ON "match_event_companies" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "match_event_youth_youth_idx" ON "match_event_youth" USING btree ("youth_id");--> statement-breakpoint
CREATE INDEX "match_events_municipality_idx" ON "match_events" USING btree ("municipality_id","starts_at");--> statement-breakpoint
CREATE INDEX "matching_rounds_municipality_idx" ON "matching_rounds" USING btree ("municipality_id","run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "matching_rounds_one_proposed_idx" ON "matching_rounds" USING btree ("municipality_id") WHERE status = 'proposed';--> statement-breakpoint
CREATE INDEX "round_placements_youth_idx" ON "round_placements" USING btree ("youth_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wishes_youth_opening_idx" ON "wishes" USING btree ("youth_id","opening_id");--> statement-breakpoint
CREATE INDEX "wishes_opening_idx" ON "wishes" USING btree ("opening_id");--> statement-breakpoint
CREATE INDEX "wishes_municipality_idx" ON "wishes" USING btree ("municipality_id");