-- Resending a pending invitation (staff or partner) gives it a new token and restarts its expiry;
-- resent_at keeps the resends of the last hour, so the services refuse more than their limit
-- (src/platform/limits/resend-window.ts). Existing invitations start with none.
ALTER TABLE "one_time_tokens" ADD COLUMN "resent_at" timestamp with time zone[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_invitations" ADD COLUMN "resent_at" timestamp with time zone[] DEFAULT '{}' NOT NULL;