CREATE TABLE "documented_runs" (
	"organisation_id" uuid NOT NULL,
	"account_id" uuid PRIMARY KEY NOT NULL,
	"runs" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_results" (
	"organisation_id" uuid NOT NULL,
	"kpi_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"status" text NOT NULL,
	"actual" double precision,
	"target" double precision,
	"progress" double precision,
	"evaluation" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_results_pkey" PRIMARY KEY("kpi_id","account_id","as_of")
);
--> statement-breakpoint
ALTER TABLE "kpi_results" ADD CONSTRAINT "kpi_results_kpi_id_kpis_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documented_runs_org_idx" ON "documented_runs" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "kpi_results_org_account_idx" ON "kpi_results" USING btree ("organisation_id","account_id");