-- Hand-edited: drizzle-kit cannot express INCLUDE. The dashboards read many accounts' months by
-- (organisation_id, metric, month) and need account_id, sum, days and last_value: with them in
-- the index the read is an index-only scan (heap pages skipped while the table is vacuumed,
-- services/statistics/vacuum-rollups.ts).
DROP INDEX "metric_months_org_metric_month_idx";--> statement-breakpoint
CREATE INDEX "metric_months_org_metric_month_cover_idx" ON "metric_months" USING btree ("organisation_id","metric","month") INCLUDE ("account_id","sum","days","last_value");
