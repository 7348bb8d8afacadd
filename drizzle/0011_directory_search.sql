CREATE TABLE "search_words" (
	"municipality_id" uuid NOT NULL,
	"plain" text NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "search_words_municipality_id_plain_word_pk" PRIMARY KEY("municipality_id","plain","word")
);
--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "company_listed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "company_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "company_name_sort" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "company_trade" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "company_area" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "search_words" ADD CONSTRAINT "search_words_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_words_plain_trgm_idx" ON "search_words" USING gin ("plain" gin_trgm_ops);