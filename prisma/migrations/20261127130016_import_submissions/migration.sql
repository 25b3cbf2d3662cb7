-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('CHECKED', 'COMMITTED');

-- AlterTable
ALTER TABLE "raised_issue" ADD COLUMN     "number_in_meeting" INTEGER;

-- CreateTable
CREATE TABLE "import_batch" (
    "id" UUID NOT NULL,
    "user_id" INTEGER NOT NULL,
    "file_name" VARCHAR(255) NOT NULL,
    "file_hash" VARCHAR(64) NOT NULL,
    "format" VARCHAR(40) NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'CHECKED',
    "row_count" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,
    "rows" JSONB NOT NULL,
    "errors" JSONB NOT NULL,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committed_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "half_year_submission" (
    "id" SERIAL NOT NULL,
    "year" SMALLINT NOT NULL,
    "half" SMALLINT NOT NULL,
    "scope_key" VARCHAR(24) NOT NULL,
    "region_id" INTEGER,
    "unit_id" INTEGER,
    "central_body_id" INTEGER,
    "submitted_by_id" INTEGER NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "half_year_submission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "import_batch_file_hash_idx" ON "import_batch"("file_hash");

-- CreateIndex
CREATE INDEX "import_batch_user_id_created_at_idx" ON "import_batch"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "half_year_submission_year_half_scope_key_key" ON "half_year_submission"("year", "half", "scope_key");

-- CreateIndex
CREATE UNIQUE INDEX "raised_issue_meeting_id_number_in_meeting_key" ON "raised_issue"("meeting_id", "number_in_meeting");

-- AddForeignKey
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "half_year_submission" ADD CONSTRAINT "half_year_submission_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "half_year_submission" ADD CONSTRAINT "half_year_submission_central_body_id_fkey" FOREIGN KEY ("central_body_id") REFERENCES "central_body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "half_year_submission" ADD CONSTRAINT "half_year_submission_submitted_by_id_fkey" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: issues already recorded are numbered within their meeting in the order they
-- were entered; an issue written without a number (forms, API, seed) gets the next one.
UPDATE "raised_issue" r SET "number_in_meeting" = n.n
FROM (SELECT "id", row_number() OVER (PARTITION BY "meeting_id" ORDER BY "id")::int AS n FROM "raised_issue") n
WHERE n."id" = r."id";

CREATE FUNCTION "raised_issue_number"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."number_in_meeting" IS NULL THEN
    SELECT coalesce(max("number_in_meeting"), 0) + 1 INTO NEW."number_in_meeting" FROM "raised_issue" WHERE "meeting_id" = NEW."meeting_id";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "raised_issue_number" BEFORE INSERT ON "raised_issue" FOR EACH ROW EXECUTE FUNCTION "raised_issue_number"();

ALTER TABLE "raised_issue" ADD CONSTRAINT "raised_issue_number_positive" CHECK ("number_in_meeting" IS NULL OR "number_in_meeting" >= 1);
ALTER TABLE "half_year_submission" ADD CONSTRAINT "half_year_submission_half_valid" CHECK ("half" IN (1, 2));
ALTER TABLE "half_year_submission" ADD CONSTRAINT "half_year_submission_one_scope" CHECK (
  num_nonnulls("region_id", "central_body_id") = 1 AND ("unit_id" IS NULL OR "region_id" IS NOT NULL)
);
