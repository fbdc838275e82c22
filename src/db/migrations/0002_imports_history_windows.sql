CREATE TABLE "audience_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"age_distribution" jsonb NOT NULL,
	"other" jsonb,
	"import_id" uuid,
	"source" text NOT NULL,
	"replaced_by_import_id" uuid,
	"replaced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "history_windows" (
	"organisation_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"days" integer NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "history_windows_organisation_id_platform_pk" PRIMARY KEY("organisation_id","platform")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"account_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sha256" text NOT NULL,
	"import_id" uuid,
	"counts" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_account_id_key_pk" PRIMARY KEY("account_id","key")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"file_id" uuid,
	"file_name" text,
	"sha256" text NOT NULL,
	"importer" text,
	"platform" text,
	"kind" text,
	"from_day" date,
	"to_day" date,
	"last_day" date,
	"rows" integer DEFAULT 0 NOT NULL,
	"counts" jsonb NOT NULL,
	"columns" jsonb,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_by" uuid,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "observation_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"day" date NOT NULL,
	"post_id" uuid,
	"value" double precision NOT NULL,
	"import_id" uuid,
	"source" text NOT NULL,
	"replaced_by_import_id" uuid,
	"replaced_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_organisation_id_organisations_id_fk";
--> statement-breakpoint
DROP INDEX "observations_account_metric_day_idx";--> statement-breakpoint
ALTER TABLE "audience_snapshots" ADD COLUMN "other" jsonb;--> statement-breakpoint
ALTER TABLE "audience_snapshots" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "observations" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "import_id" uuid;--> statement-breakpoint
ALTER TABLE "audience_history" ADD CONSTRAINT "audience_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_history" ADD CONSTRAINT "audience_history_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_history" ADD CONSTRAINT "audience_history_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audience_history" ADD CONSTRAINT "audience_history_replaced_by_import_id_imports_id_fk" FOREIGN KEY ("replaced_by_import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_windows" ADD CONSTRAINT "history_windows_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "history_windows" ADD CONSTRAINT "history_windows_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_undone_by_people_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_history" ADD CONSTRAINT "observation_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_history" ADD CONSTRAINT "observation_history_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_history" ADD CONSTRAINT "observation_history_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_history" ADD CONSTRAINT "observation_history_replaced_by_import_id_imports_id_fk" FOREIGN KEY ("replaced_by_import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audience_history_replaced_by_idx" ON "audience_history" USING btree ("replaced_by_import_id");--> statement-breakpoint
CREATE INDEX "audience_history_import_idx" ON "audience_history" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "imports_account_created_idx" ON "imports" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "imports_account_sha_idx" ON "imports" USING btree ("account_id","sha256");--> statement-breakpoint
CREATE INDEX "observation_history_replaced_by_idx" ON "observation_history" USING btree ("replaced_by_import_id");--> statement-breakpoint
CREATE INDEX "observation_history_import_idx" ON "observation_history" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "observation_history_key_idx" ON "observation_history" USING btree ("account_id","metric","day");--> statement-breakpoint
CREATE UNIQUE INDEX "stored_files_org_sha_key" ON "stored_files" USING btree ("organisation_id","sha256");--> statement-breakpoint
ALTER TABLE "audience_snapshots" ADD CONSTRAINT "audience_snapshots_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" DROP COLUMN "id";