-- CreateTable
CREATE TABLE "escalation_inclusion_change" (
    "id" SERIAL NOT NULL,
    "escalation_id" INTEGER NOT NULL,
    "included" BOOLEAN NOT NULL,
    "effective_on" DATE NOT NULL,
    "author_id" INTEGER,
    "comment" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_inclusion_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation_selection_change" (
    "id" SERIAL NOT NULL,
    "escalation_id" INTEGER NOT NULL,
    "selected" BOOLEAN NOT NULL,
    "effective_on" DATE NOT NULL,
    "author_id" INTEGER,
    "comment" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_selection_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "escalation_inclusion_change_escalation_id_effective_on_idx" ON "escalation_inclusion_change"("escalation_id", "effective_on");

-- CreateIndex
CREATE INDEX "escalation_selection_change_escalation_id_effective_on_idx" ON "escalation_selection_change"("escalation_id", "effective_on");

-- AddForeignKey
ALTER TABLE "escalation_inclusion_change" ADD CONSTRAINT "escalation_inclusion_change_escalation_id_fkey" FOREIGN KEY ("escalation_id") REFERENCES "escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_inclusion_change" ADD CONSTRAINT "escalation_inclusion_change_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_selection_change" ADD CONSTRAINT "escalation_selection_change_escalation_id_fkey" FOREIGN KEY ("escalation_id") REFERENCES "escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_selection_change" ADD CONSTRAINT "escalation_selection_change_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill (hand-written): every existing entry gets its dated steps. Each entry of the
-- central-level list (one issue may stand on two half-years' lists) is dated on its own.
-- Kazakhstan's day of a timestamp is taken at UTC+5, as the write forms take "today".

-- Included: on the issue's last move to ESCALATED within the list's half-year, or else on the
-- day the entry was created; recorded when the entry was, by whoever proposed it (the audit trail).
INSERT INTO "escalation_inclusion_change" ("escalation_id", "included", "effective_on", "author_id", "recorded_at")
SELECT e."id", true,
       COALESCE(
         (SELECT max(s."effective_on") FROM "issue_status_change" s
          WHERE s."issue_id" = e."issue_id" AND s."to_status" = 'ESCALATED'
            AND s."effective_on" >= make_date(e."year", CASE WHEN e."half" = 1 THEN 1 ELSE 7 END, 1)
            AND s."effective_on" < make_date(e."year", CASE WHEN e."half" = 1 THEN 1 ELSE 7 END, 1) + interval '6 months'),
         ((e."created_at" AT TIME ZONE 'UTC') + interval '5 hours')::date),
       (SELECT a."user_id" FROM "audit_log" a
        WHERE a."entity" = 'escalation' AND a."entity_id" = e."id"::text AND a."action" = 'escalation.propose'
        ORDER BY a."at", a."id" LIMIT 1),
       e."created_at"
FROM "escalation" e;

-- Selected: on the entry's latest disposition change (its date, author and record time), or
-- else on the day the entry was created. An entry not selected needs no step: no step is "not selected".
INSERT INTO "escalation_selection_change" ("escalation_id", "selected", "effective_on", "author_id", "recorded_at")
SELECT e."id", true,
       COALESCE(h."effective_on", ((e."created_at" AT TIME ZONE 'UTC') + interval '5 hours')::date),
       h."author_id",
       COALESCE(h."recorded_at", e."created_at")
FROM "escalation" e
LEFT JOIN LATERAL (
  SELECT c."effective_on", c."author_id", c."recorded_at" FROM "escalation_disposition_change" c
  WHERE c."escalation_id" = e."id"
  ORDER BY c."effective_on" DESC, c."recorded_at" DESC, c."id" DESC LIMIT 1
) h ON true
WHERE e."selected";
