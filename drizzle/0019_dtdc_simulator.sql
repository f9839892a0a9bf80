CREATE TABLE "sandbox_dtdc_consignments" (
	"awb" text PRIMARY KEY NOT NULL,
	"customer_code" text NOT NULL,
	"customer_reference" text NOT NULL,
	"service_type" text NOT NULL,
	"consignment_type" text NOT NULL,
	"num_pieces" integer NOT NULL,
	"origin_pincode" text NOT NULL,
	"destination_pincode" text NOT NULL,
	"script" text DEFAULT 'deliver' NOT NULL,
	"booked_at" bigint NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"body" jsonb NOT NULL,
	CONSTRAINT "sandbox_dtdc_consignments_reference_uq" UNIQUE("customer_code","customer_reference")
);
--> statement-breakpoint
CREATE TABLE "sandbox_dtdc_faults" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"endpoint" text NOT NULL,
	"fault" text NOT NULL,
	"delay_ms" integer DEFAULT 0 NOT NULL,
	"remaining" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_dtdc_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"endpoint" text NOT NULL,
	"body" jsonb,
	"received_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_dtdc_settings" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_dtdc_tokens" (
	"token" text PRIMARY KEY NOT NULL,
	"expires_at" bigint NOT NULL
);
