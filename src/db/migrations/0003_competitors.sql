CREATE TABLE "competitor_figure_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"competitor_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"period" text NOT NULL,
	"day" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"file_name" text,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	"replaced_by" uuid,
	"replaced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competitor_figures" (
	"organisation_id" uuid NOT NULL,
	"competitor_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"period" text NOT NULL,
	"day" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"file_name" text,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "competitor_figures_competitor_id_metric_period_day_pk" PRIMARY KEY("competitor_id","metric","period","day")
);
--> statement-breakpoint
CREATE TABLE "competitors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"platform" text NOT NULL,
	"handle" text,
	"url" text,
	"kind" text NOT NULL,
	"note" text,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competitor_figure_history" ADD CONSTRAINT "competitor_figure_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_figure_history" ADD CONSTRAINT "competitor_figure_history_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."competitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_figure_history" ADD CONSTRAINT "competitor_figure_history_entered_by_people_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_figure_history" ADD CONSTRAINT "competitor_figure_history_replaced_by_people_id_fk" FOREIGN KEY ("replaced_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_figures" ADD CONSTRAINT "competitor_figures_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_figures" ADD CONSTRAINT "competitor_figures_competitor_id_competitors_id_fk" FOREIGN KEY ("competitor_id") REFERENCES "public"."competitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitor_figures" ADD CONSTRAINT "competitor_figures_entered_by_people_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitors" ADD CONSTRAINT "competitors_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competitor_figure_history_key_idx" ON "competitor_figure_history" USING btree ("competitor_id","metric","day");--> statement-breakpoint
CREATE UNIQUE INDEX "competitors_org_slug_key" ON "competitors" USING btree ("organisation_id","slug");--> statement-breakpoint
CREATE INDEX "competitors_org_unit_idx" ON "competitors" USING btree ("organisation_id","unit_id");