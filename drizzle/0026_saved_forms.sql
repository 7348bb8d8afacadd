CREATE TABLE "saved_forms" (
	"id" text PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "saved_forms_expires_idx" ON "saved_forms" USING btree ("expires_at");