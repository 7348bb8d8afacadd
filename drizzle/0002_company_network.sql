CREATE TABLE "company_contact_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"next_step_due" date,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "company_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "network_meeting_companies" (
	"meeting_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	CONSTRAINT "network_meeting_companies_meeting_id_company_id_pk" PRIMARY KEY("meeting_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "network_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"theme" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"title" text NOT NULL,
	"tasks" text NOT NULL,
	"place" text NOT NULL,
	"weekly_hours" integer NOT NULL,
	"duration_months" integer DEFAULT 3 NOT NULL,
	"seats" integer DEFAULT 1 NOT NULL,
	"start_from" date NOT NULL,
	"learning" text DEFAULT '' NOT NULL,
	"supervisor_user_id" uuid,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "name_sort" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "address" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "postal_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "size" text DEFAULT '1-9' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "why_joined" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "company_contact_log" ADD CONSTRAINT "company_contact_log_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_contact_log" ADD CONSTRAINT "company_contact_log_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_status_history" ADD CONSTRAINT "company_status_history_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_status_history" ADD CONSTRAINT "company_status_history_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_companies" ADD CONSTRAINT "network_meeting_companies_meeting_id_network_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."network_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meeting_companies" ADD CONSTRAINT "network_meeting_companies_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_meetings" ADD CONSTRAINT "network_meetings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_contact_log_company_idx" ON "company_contact_log" USING btree ("company_id","at");--> statement-breakpoint
CREATE INDEX "company_status_history_company_idx" ON "company_status_history" USING btree ("company_id","at");--> statement-breakpoint
CREATE INDEX "network_meetings_municipality_idx" ON "network_meetings" USING btree ("municipality_id","held_on");--> statement-breakpoint
CREATE INDEX "openings_company_idx" ON "openings" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "openings_municipality_published_idx" ON "openings" USING btree ("municipality_id","published","start_from");--> statement-breakpoint
CREATE INDEX "openings_search_idx" ON "openings" USING gin (to_tsvector('danish', "title" || ' ' || "tasks" || ' ' || "place" || ' ' || "learning"));--> statement-breakpoint
CREATE INDEX "openings_title_trgm_idx" ON "openings" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_municipality_sort_idx" ON "companies" USING btree ("municipality_id","name_sort");--> statement-breakpoint
CREATE INDEX "companies_search_idx" ON "companies" USING gin (to_tsvector('danish', "name" || ' ' || "area" || ' ' || "why_joined"));--> statement-breakpoint
CREATE INDEX "companies_name_trgm_idx" ON "companies" USING gin ("name" gin_trgm_ops);