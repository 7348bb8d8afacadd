CREATE TABLE "library_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"municipality_id" uuid,
	"author_user_id" uuid,
	"pdf" "bytea",
	"pdf_name" text,
	"pdf_bytes" integer,
	"pinned_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "library_entries_kind_check" CHECK (kind in ('method', 'tool', 'case_story')),
	CONSTRAINT "library_entries_pdf_check" CHECK ((pdf is null) = (pdf_name is null) and (pdf is null) = (pdf_bytes is null))
);
--> statement-breakpoint
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "library_entries" ADD CONSTRAINT "library_entries_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "library_entries_listing_idx" ON "library_entries" USING btree ("archived_at","pinned_at","updated_at");--> statement-breakpoint
CREATE INDEX "library_entries_tags_idx" ON "library_entries" USING gin ("tags");