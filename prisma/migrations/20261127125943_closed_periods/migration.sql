-- CreateTable
CREATE TABLE "closed_period" (
    "year" SMALLINT NOT NULL,
    "half" SMALLINT NOT NULL,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_by" INTEGER,
    "reopened_at" TIMESTAMPTZ(3),
    "reopened_by" INTEGER,
    "reason" TEXT,

    CONSTRAINT "closed_period_pkey" PRIMARY KEY ("year","half")
);

-- Hand-written: a half-year is 1 or 2; a reopening says when, by whom and why.
ALTER TABLE "closed_period" ADD CONSTRAINT "closed_period_half_check" CHECK ("half" IN (1, 2));
ALTER TABLE "closed_period" ADD CONSTRAINT "closed_period_year_check" CHECK ("year" BETWEEN 2000 AND 2100);
ALTER TABLE "closed_period" ADD CONSTRAINT "closed_period_reopen_check"
  CHECK (("reopened_at" IS NULL AND "reason" IS NULL) OR ("reopened_at" IS NOT NULL AND "reason" IS NOT NULL));
