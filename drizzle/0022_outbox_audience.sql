ALTER TABLE "outbox_messages" ADD COLUMN "municipality_id" uuid;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "privileged" boolean DEFAULT true NOT NULL;