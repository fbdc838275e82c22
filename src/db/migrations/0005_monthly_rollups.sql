CREATE TABLE "metric_months" (
	"organisation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"month" date NOT NULL,
	"sum" double precision NOT NULL,
	"days" integer NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"last_value" double precision NOT NULL,
	"min" double precision NOT NULL,
	"max" double precision NOT NULL,
	CONSTRAINT "metric_months_pkey" PRIMARY KEY("account_id","metric","month")
);
--> statement-breakpoint
CREATE INDEX "metric_months_org_metric_month_idx" ON "metric_months" USING btree ("organisation_id","metric","month");--> statement-breakpoint
INSERT INTO "metric_months" ("organisation_id", "account_id", "metric", "month", "sum", "days", "first_day", "last_day", "last_value", "min", "max")
SELECT "organisation_id", "account_id", "metric", date_trunc('month', "day")::date, sum("value"), count(*)::int, min("day"), max("day"),
       (array_agg("value" ORDER BY "day" DESC))[1], min("value"), max("value")
FROM "observations" WHERE "post_id" IS NULL
GROUP BY "organisation_id", "account_id", "metric", date_trunc('month', "day")::date;
