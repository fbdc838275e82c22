CREATE TABLE "dashboard_changes" (
	"xid" "xid8" PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dashboard_changes_at_idx" ON "dashboard_changes" USING btree ("at");--> statement-breakpoint
-- Every transaction that writes what the overview reads leaves its id here once (see
-- src/db/schema/dashboard-changes.ts). Statement-level, so an import of thousands of rows adds one
-- probe per statement, and writers never wait for each other.
CREATE FUNCTION "note_dashboard_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dashboard_changes (xid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "accounts_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "accounts" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
CREATE TRIGGER "units_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "units" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
CREATE TRIGGER "history_windows_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "history_windows" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
CREATE TRIGGER "audience_snapshots_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "audience_snapshots" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
CREATE TRIGGER "documented_runs_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "documented_runs" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
CREATE TRIGGER "evaluations_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "evaluations" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
CREATE TRIGGER "goals_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "goals" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
CREATE TRIGGER "goal_accounts_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "goal_accounts" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
CREATE TRIGGER "kpis_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kpis" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
--> statement-breakpoint
CREATE TRIGGER "kpi_results_dashboard_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "kpi_results" FOR EACH STATEMENT EXECUTE FUNCTION note_dashboard_change();
