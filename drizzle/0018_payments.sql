CREATE TABLE "payment_reconciliation_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"topup_id" uuid,
	"refund_id" uuid,
	"gateway_id" text,
	"detail" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"topup_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"amount_paise" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"razorpay_refund_id" text,
	"failure_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "payment_refunds_amount_ck" CHECK ("payment_refunds"."amount_paise" > 0)
);
--> statement-breakpoint
CREATE TABLE "payment_topups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"amount_paise" bigint NOT NULL,
	"currency" text DEFAULT 'INR' NOT NULL,
	"status" text DEFAULT 'creating' NOT NULL,
	"razorpay_order_id" text,
	"razorpay_payment_id" text,
	"order_requested_at" timestamp with time zone,
	"sandbox" boolean NOT NULL,
	"failure_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"credited_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_topups_amount_ck" CHECK ("payment_topups"."amount_paise" > 0),
	CONSTRAINT "payment_topups_currency_ck" CHECK ("payment_topups"."currency" = 'INR'),
	CONSTRAINT "payment_topups_credited_ck" CHECK (("payment_topups"."status" = 'credited') = ("payment_topups"."credited_at" is not null and "payment_topups"."razorpay_payment_id" is not null)),
	CONSTRAINT "payment_topups_order_ck" CHECK ("payment_topups"."status" in ('creating', 'failed') or "payment_topups"."razorpay_order_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "razorpay_webhook_events" (
	"event_id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sandbox_razorpay_orders" (
	"id" text PRIMARY KEY NOT NULL,
	"amount" bigint NOT NULL,
	"amount_paid" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"receipt" text,
	"notes" jsonb NOT NULL,
	"status" text DEFAULT 'created' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "sandbox_razorpay_orders_amount_ck" CHECK ("sandbox_razorpay_orders"."amount" >= 100)
);
--> statement-breakpoint
CREATE TABLE "sandbox_razorpay_payments" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"captured" boolean DEFAULT false NOT NULL,
	"amount_refunded" bigint DEFAULT 0 NOT NULL,
	"refund_status" text,
	"method" text DEFAULT 'upi' NOT NULL,
	"error_code" text,
	"error_description" text,
	"error_source" text,
	"error_step" text,
	"error_reason" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_razorpay_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"payment_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"receipt" text,
	"notes" jsonb NOT NULL,
	"idempotency_key" text,
	"request_body" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "sandbox_razorpay_refunds_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "sandbox_razorpay_settings" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"remaining" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_topup_id_payment_topups_id_fk" FOREIGN KEY ("topup_id") REFERENCES "public"."payment_topups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_topups" ADD CONSTRAINT "payment_topups_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_topups" ADD CONSTRAINT "payment_topups_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_razorpay_payments" ADD CONSTRAINT "sandbox_razorpay_payments_order_id_sandbox_razorpay_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."sandbox_razorpay_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_razorpay_refunds" ADD CONSTRAINT "sandbox_razorpay_refunds_payment_id_sandbox_razorpay_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."sandbox_razorpay_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_refunds_razorpay_uq" ON "payment_refunds" USING btree ("razorpay_refund_id");--> statement-breakpoint
CREATE INDEX "payment_refunds_topup_idx" ON "payment_refunds" USING btree ("topup_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_topups_order_uq" ON "payment_topups" USING btree ("razorpay_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_topups_payment_uq" ON "payment_topups" USING btree ("razorpay_payment_id");--> statement-breakpoint
CREATE INDEX "payment_topups_org_created_idx" ON "payment_topups" USING btree ("organization_id","created_at");