-- Rules Prisma's schema language cannot state; the database enforces them for every writer
-- (app, importer, psql). Money is whole tenge and never negative; half-years are 1 or 2.

ALTER TABLE "budget_allocation" ADD CONSTRAINT "budget_allocation_amount_nonnegative" CHECK ("amount_kzt" >= 0);
ALTER TABLE "budget_request" ADD CONSTRAINT "budget_request_amount_nonnegative" CHECK ("amount_kzt" >= 0);
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_half_valid" CHECK ("half" IN (1, 2));
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_amount_nonnegative" CHECK ("republican_amount_kzt" IS NULL OR "republican_amount_kzt" >= 0);
ALTER TABLE "escalation_disposition_change" ADD CONSTRAINT "escalation_disposition_change_amount_nonnegative" CHECK ("republican_amount_kzt" IS NULL OR "republican_amount_kzt" >= 0);
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_half_valid" CHECK ("half" IN (1, 2));
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_month_in_half" CHECK (
  "planned_month" BETWEEN 1 AND 12 AND (("half" = 1 AND "planned_month" <= 6) OR ("half" = 2 AND "planned_month" >= 7))
);
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_half_valid" CHECK ("half" IN (1, 2));
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_published_has_url" CHECK ("published_on" IS NULL OR "url" IS NOT NULL);
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_attendance_nonnegative" CHECK ("attendance" IS NULL OR "attendance" >= 0);
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_announced_before_held" CHECK ("announced_on" IS NULL OR "announced_on" <= "held_on");
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_kind_fields" CHECK (
  ("kind" = 'AKIM' AND "akim_level" IS NOT NULL) OR ("kind" = 'CENTRAL' AND "central_body_id" IS NOT NULL)
);
ALTER TABLE "personal_reception" ADD CONSTRAINT "personal_reception_counts" CHECK (
  "citizens_received" >= 0 AND "issues_voiced" >= 0 AND "issues_resolved" >= 0 AND "issues_in_execution" >= 0
  AND "issues_resolved" + "issues_in_execution" <= "issues_voiced"
);
ALTER TABLE "raised_issue" ADD CONSTRAINT "raised_issue_resolved_on_matches_status" CHECK (
  ("status" = 'RESOLVED') = ("resolved_on" IS NOT NULL)
);
