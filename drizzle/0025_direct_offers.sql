CREATE TABLE "internship_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"opening_id" uuid NOT NULL,
	"youth_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"answer_by" date NOT NULL,
	"made_by_user_id" uuid,
	"made_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"closed_by_user_id" uuid,
	"decline_reason" text DEFAULT '' NOT NULL,
	"internship_id" uuid
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "offer_answer_days" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD CONSTRAINT "internship_offers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD CONSTRAINT "internship_offers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD CONSTRAINT "internship_offers_opening_id_openings_id_fk" FOREIGN KEY ("opening_id") REFERENCES "public"."openings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD CONSTRAINT "internship_offers_youth_id_youth_id_fk" FOREIGN KEY ("youth_id") REFERENCES "public"."youth"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD CONSTRAINT "internship_offers_made_by_user_id_users_id_fk" FOREIGN KEY ("made_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD CONSTRAINT "internship_offers_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internship_offers" ADD CONSTRAINT "internship_offers_internship_id_internships_id_fk" FOREIGN KEY ("internship_id") REFERENCES "public"."internships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "internship_offers_youth_idx" ON "internship_offers" USING btree ("youth_id","status");--> statement-breakpoint
CREATE INDEX "internship_offers_opening_idx" ON "internship_offers" USING btree ("opening_id","status");--> statement-breakpoint
CREATE INDEX "internship_offers_company_idx" ON "internship_offers" USING btree ("company_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "internship_offers_one_open_idx" ON "internship_offers" USING btree ("youth_id","opening_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "internships_opening_idx" ON "internships" USING btree ("opening_id");--> statement-breakpoint
CREATE INDEX "round_placements_opening_idx" ON "round_placements" USING btree ("opening_id");--> statement-breakpoint
-- The seats of an opening taken on a given day: open internships, offered placements of published
-- rounds, and direct offers still open on that day. One definition for every list, the rounds and
-- the offers (free seats = seats - taken). Schema-qualified for a restricted search_path.
CREATE OR REPLACE FUNCTION public.nw_seats_taken(opening uuid, on_day date) RETURNS integer
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT (
      (SELECT count(*) FROM public.internships i
        WHERE i.opening_id = opening AND i.status IN ('planned', 'awaiting_approval', 'active', 'extended'))
      + (SELECT count(*) FROM public.round_placements p JOIN public.matching_rounds r ON r.id = p.round_id
        WHERE p.opening_id = opening AND p.status = 'offered' AND r.status = 'published')
      + (SELECT count(*) FROM public.internship_offers f
        WHERE f.opening_id = opening AND f.status = 'open' AND f.answer_by >= on_day)
    )::integer
  $$;
