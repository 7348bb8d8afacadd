CREATE TABLE "saved_forms" (
	"id" text PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_post_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "group_post_replies" ADD CONSTRAINT "group_post_replies_post_id_group_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."group_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_post_replies" ADD CONSTRAINT "group_post_replies_group_id_network_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."network_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_post_replies" ADD CONSTRAINT "group_post_replies_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_post_replies" ADD CONSTRAINT "group_post_replies_hidden_by_user_id_users_id_fk" FOREIGN KEY ("hidden_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_forms_expires_idx" ON "saved_forms" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "group_post_replies_post_idx" ON "group_post_replies" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "group_post_replies_group_idx" ON "group_post_replies" USING btree ("group_id");