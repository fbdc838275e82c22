ALTER TABLE "observations" DROP CONSTRAINT "observations_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_post_id_posts_id_fk";
--> statement-breakpoint
ALTER TABLE "observations" DROP CONSTRAINT "observations_import_id_imports_id_fk";
