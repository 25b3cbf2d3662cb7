-- CreateEnum
CREATE TYPE "BudgetRequestRejection" AS ENUM ('NO_DOCUMENTATION', 'ALREADY_FUNDED_IN_REPUBLICAN_BUDGET', 'CONSIDER_AT_BUDGET_REFINEMENT', 'NOT_BODY_COMPETENCE', 'OTHER');

-- AlterEnum
ALTER TYPE "BudgetRequestStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "budget_request" ADD COLUMN     "approved_amount_kzt" BIGINT,
ADD COLUMN     "rejection_reason" "BudgetRequestRejection";

-- CreateTable
CREATE TABLE "budget_request_status_change" (
    "id" SERIAL NOT NULL,
    "request_id" INTEGER NOT NULL,
    "from_status" "BudgetRequestStatus",
    "to_status" "BudgetRequestStatus" NOT NULL,
    "approved_amount_kzt" BIGINT,
    "rejection_reason" "BudgetRequestRejection",
    "effective_on" DATE NOT NULL,
    "author_id" INTEGER,
    "comment" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_request_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "budget_request_status_change_request_id_effective_on_idx" ON "budget_request_status_change"("request_id", "effective_on");

-- CreateIndex
CREATE INDEX "budget_request_status_change_effective_on_idx" ON "budget_request_status_change"("effective_on");

-- AddForeignKey
ALTER TABLE "budget_request_status_change" ADD CONSTRAINT "budget_request_status_change_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "budget_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_request_status_change" ADD CONSTRAINT "budget_request_status_change_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: the history of requests saved before it existed. A submitted request gets its
-- SUBMITTED step on its submission date; a decided one its decision on its decision date (an
-- approval approves the whole amount). A request marked decided without a date keeps its
-- status and gets no decision step: its figures read it as pending from its submission.
UPDATE "budget_request" SET "approved_amount_kzt" = "amount_kzt" WHERE "status" = 'APPROVED';

INSERT INTO "budget_request_status_change" ("request_id", "from_status", "to_status", "effective_on", "recorded_at")
SELECT "id", 'DRAFT', 'SUBMITTED', "submitted_on", "created_at" FROM "budget_request"
WHERE "status" <> 'DRAFT' AND "submitted_on" IS NOT NULL;

INSERT INTO "budget_request_status_change" ("request_id", "from_status", "to_status", "approved_amount_kzt", "effective_on", "recorded_at")
SELECT "id", 'SUBMITTED', "status", "approved_amount_kzt", "decided_on", "updated_at" FROM "budget_request"
WHERE "status" IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED') AND "submitted_on" IS NOT NULL AND "decided_on" IS NOT NULL;

-- An approved amount is never more than was asked, and only a decision carries one.
ALTER TABLE "budget_request" ADD CONSTRAINT "budget_request_approved_amount_check"
  CHECK ("approved_amount_kzt" IS NULL OR ("approved_amount_kzt" >= 0 AND "approved_amount_kzt" <= "amount_kzt"));
ALTER TABLE "budget_request_status_change" ADD CONSTRAINT "budget_request_status_change_amount_check"
  CHECK ("approved_amount_kzt" IS NULL OR "approved_amount_kzt" >= 0);
