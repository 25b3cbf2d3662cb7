-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('AKIM', 'CENTRAL');

-- CreateEnum
CREATE TYPE "Position" AS ENUM ('AKIM_REGION', 'AKIM_DISTRICT', 'AKIM_RURAL', 'MINISTER', 'VICE_MINISTER', 'COMMITTEE_CHAIR');

-- CreateEnum
CREATE TYPE "AkimLevel" AS ENUM ('REGION', 'DISTRICT', 'RURAL');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('DISTRICT', 'CITY', 'RURAL_DISTRICT');

-- CreateEnum
CREATE TYPE "RegionKind" AS ENUM ('OBLAST', 'CITY');

-- CreateEnum
CREATE TYPE "Venue" AS ENUM ('HOUSE_OF_CULTURE', 'CCS_PLATFORM', 'PROBLEM_SITE', 'ONLINE', 'OTHER');

-- CreateEnum
CREATE TYPE "AnnouncementChannel" AS ENUM ('BODY_WEBSITE', 'LOCAL_MEDIA', 'MESSENGER_GROUPS');

-- CreateEnum
CREATE TYPE "IssueStatus" AS ENUM ('RAISED', 'IN_EXECUTION', 'RESOLVED', 'NOT_SUPPORTED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "ResponsibleLevel" AS ENUM ('RURAL', 'DISTRICT', 'REGION', 'CENTRAL');

-- CreateEnum
CREATE TYPE "BudgetSource" AS ENUM ('LOCAL', 'REPUBLICAN');

-- CreateEnum
CREATE TYPE "BudgetEntryKind" AS ENUM ('NEED', 'ALLOCATED');

-- CreateEnum
CREATE TYPE "Disposition" AS ENUM ('NO_DOCUMENTATION', 'ALREADY_FUNDED_IN_REPUBLICAN_BUDGET', 'CONSIDER_AT_BUDGET_REFINEMENT', 'IN_EXECUTION', 'NOT_SUPPORTED_LOCAL_COMPETENCE', 'EXECUTED');

-- CreateEnum
CREATE TYPE "BudgetRequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'PARTIALLY_APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'ANALYST', 'MANAGER', 'AKIMAT_EDITOR', 'MINISTRY_EDITOR');

-- CreateTable
CREATE TABLE "region" (
    "id" SERIAL NOT NULL,
    "kato" VARCHAR(9) NOT NULL,
    "iso" VARCHAR(8) NOT NULL,
    "kind" "RegionKind" NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "short_ru" TEXT,
    "centre_en" TEXT NOT NULL,
    "centre_lat" DECIMAL(8,5) NOT NULL,
    "centre_lon" DECIMAL(8,5) NOT NULL,
    "tile_col" SMALLINT NOT NULL,
    "tile_row" SMALLINT NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_unit" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "kind" "UnitKind" NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,

    CONSTRAINT "admin_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "central_body" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "short_ru" TEXT NOT NULL,

    CONSTRAINT "central_body_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "official" (
    "id" SERIAL NOT NULL,
    "full_name" TEXT NOT NULL,
    "position" "Position" NOT NULL,
    "central_body_id" INTEGER,
    "region_id" INTEGER,
    "unit_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "official_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issue_category" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name_ru" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "issue_category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "meeting" (
    "id" SERIAL NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "official_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "unit_id" INTEGER,
    "akim_level" "AkimLevel",
    "central_body_id" INTEGER,
    "held_on" DATE NOT NULL,
    "venue" "Venue" NOT NULL,
    "venue_note" TEXT,
    "open_microphone" BOOLEAN NOT NULL DEFAULT false,
    "briefing_held" BOOLEAN NOT NULL DEFAULT false,
    "ngo_meeting_held" BOOLEAN NOT NULL DEFAULT false,
    "problem_site_visited" BOOLEAN NOT NULL DEFAULT false,
    "announced_on" DATE,
    "announcement_channels" "AnnouncementChannel"[],
    "questions_collected" BOOLEAN NOT NULL DEFAULT false,
    "action_plan_prepared" BOOLEAN NOT NULL DEFAULT false,
    "attendance" INTEGER,
    "outcomes" TEXT,
    "external_ref" VARCHAR(64),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "personal_reception" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "held_on" DATE NOT NULL,
    "citizens_received" INTEGER NOT NULL,
    "issues_voiced" INTEGER NOT NULL,
    "issues_resolved" INTEGER NOT NULL,
    "issues_in_execution" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "personal_reception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "raised_issue" (
    "id" SERIAL NOT NULL,
    "meeting_id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "responsible_level" "ResponsibleLevel" NOT NULL,
    "status" "IssueStatus" NOT NULL DEFAULT 'RAISED',
    "meeting_kind" "MeetingKind" NOT NULL,
    "region_id" INTEGER NOT NULL,
    "raised_on" DATE NOT NULL,
    "resolved_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "raised_issue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issue_status_change" (
    "id" SERIAL NOT NULL,
    "issue_id" INTEGER NOT NULL,
    "from_status" "IssueStatus",
    "to_status" "IssueStatus" NOT NULL,
    "effective_on" DATE NOT NULL,
    "author_id" INTEGER,
    "comment" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issue_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_allocation" (
    "id" SERIAL NOT NULL,
    "issue_id" INTEGER NOT NULL,
    "source" "BudgetSource" NOT NULL,
    "kind" "BudgetEntryKind" NOT NULL,
    "amount_kzt" BIGINT NOT NULL,
    "effective_on" DATE NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_allocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation" (
    "id" SERIAL NOT NULL,
    "issue_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "half" SMALLINT NOT NULL,
    "central_body_id" INTEGER NOT NULL,
    "disposition" "Disposition",
    "republican_amount_kzt" BIGINT,
    "selected" BOOLEAN NOT NULL DEFAULT false,
    "proposal" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escalation_disposition_change" (
    "id" SERIAL NOT NULL,
    "escalation_id" INTEGER NOT NULL,
    "disposition" "Disposition" NOT NULL,
    "republican_amount_kzt" BIGINT,
    "effective_on" DATE NOT NULL,
    "author_id" INTEGER,
    "comment" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escalation_disposition_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_request" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "central_body_id" INTEGER NOT NULL,
    "amount_kzt" BIGINT NOT NULL,
    "status" "BudgetRequestStatus" NOT NULL DEFAULT 'DRAFT',
    "submitted_on" DATE,
    "decided_on" DATE,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "budget_request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "budget_request_issue" (
    "request_id" INTEGER NOT NULL,
    "issue_id" INTEGER NOT NULL,

    CONSTRAINT "budget_request_issue_pkey" PRIMARY KEY ("request_id","issue_id")
);

-- CreateTable
CREATE TABLE "schedule_entry" (
    "id" SERIAL NOT NULL,
    "year" SMALLINT NOT NULL,
    "half" SMALLINT NOT NULL,
    "planned_month" SMALLINT NOT NULL,
    "official_id" INTEGER NOT NULL,
    "central_body_id" INTEGER NOT NULL,
    "region_id" INTEGER NOT NULL,
    "meeting_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedule_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_plan" (
    "id" SERIAL NOT NULL,
    "region_id" INTEGER NOT NULL,
    "year" SMALLINT NOT NULL,
    "half" SMALLINT NOT NULL,
    "approved_on" DATE,
    "url" TEXT,
    "published_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "full_name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "Role" NOT NULL,
    "region_id" INTEGER,
    "unit_id" INTEGER,
    "central_body_id" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "user_id" INTEGER,
    "action" VARCHAR(64) NOT NULL,
    "entity" VARCHAR(64) NOT NULL,
    "entity_id" VARCHAR(64),
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "region_kato_key" ON "region"("kato");

-- CreateIndex
CREATE UNIQUE INDEX "region_iso_key" ON "region"("iso");

-- CreateIndex
CREATE UNIQUE INDEX "admin_unit_code_key" ON "admin_unit"("code");

-- CreateIndex
CREATE INDEX "admin_unit_region_id_kind_idx" ON "admin_unit"("region_id", "kind");

-- CreateIndex
CREATE INDEX "admin_unit_parent_id_idx" ON "admin_unit"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "central_body_code_key" ON "central_body"("code");

-- CreateIndex
CREATE INDEX "official_central_body_id_idx" ON "official"("central_body_id");

-- CreateIndex
CREATE INDEX "official_region_id_idx" ON "official"("region_id");

-- CreateIndex
CREATE INDEX "official_unit_id_idx" ON "official"("unit_id");

-- CreateIndex
CREATE UNIQUE INDEX "issue_category_code_key" ON "issue_category"("code");

-- CreateIndex
CREATE INDEX "meeting_kind_held_on_idx" ON "meeting"("kind", "held_on");

-- CreateIndex
CREATE INDEX "meeting_region_id_held_on_idx" ON "meeting"("region_id", "held_on");

-- CreateIndex
CREATE INDEX "meeting_central_body_id_held_on_idx" ON "meeting"("central_body_id", "held_on");

-- CreateIndex
CREATE INDEX "meeting_official_id_idx" ON "meeting"("official_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_region_id_external_ref_key" ON "meeting"("region_id", "external_ref");

-- CreateIndex
CREATE INDEX "personal_reception_meeting_id_idx" ON "personal_reception"("meeting_id");

-- CreateIndex
CREATE INDEX "personal_reception_held_on_idx" ON "personal_reception"("held_on");

-- CreateIndex
CREATE INDEX "raised_issue_meeting_id_idx" ON "raised_issue"("meeting_id");

-- CreateIndex
CREATE INDEX "raised_issue_meeting_kind_raised_on_region_id_status_idx" ON "raised_issue"("meeting_kind", "raised_on", "region_id", "status");

-- CreateIndex
CREATE INDEX "raised_issue_region_id_raised_on_idx" ON "raised_issue"("region_id", "raised_on");

-- CreateIndex
CREATE INDEX "raised_issue_resolved_on_idx" ON "raised_issue"("resolved_on");

-- CreateIndex
CREATE INDEX "issue_status_change_issue_id_effective_on_idx" ON "issue_status_change"("issue_id", "effective_on");

-- CreateIndex
CREATE INDEX "issue_status_change_to_status_effective_on_idx" ON "issue_status_change"("to_status", "effective_on");

-- CreateIndex
CREATE INDEX "budget_allocation_issue_id_effective_on_idx" ON "budget_allocation"("issue_id", "effective_on");

-- CreateIndex
CREATE INDEX "escalation_year_half_idx" ON "escalation"("year", "half");

-- CreateIndex
CREATE INDEX "escalation_central_body_id_idx" ON "escalation"("central_body_id");

-- CreateIndex
CREATE UNIQUE INDEX "escalation_issue_id_year_half_key" ON "escalation"("issue_id", "year", "half");

-- CreateIndex
CREATE INDEX "escalation_disposition_change_escalation_id_effective_on_idx" ON "escalation_disposition_change"("escalation_id", "effective_on");

-- CreateIndex
CREATE INDEX "budget_request_region_id_idx" ON "budget_request"("region_id");

-- CreateIndex
CREATE INDEX "budget_request_central_body_id_idx" ON "budget_request"("central_body_id");

-- CreateIndex
CREATE INDEX "budget_request_issue_issue_id_idx" ON "budget_request_issue"("issue_id");

-- CreateIndex
CREATE UNIQUE INDEX "schedule_entry_meeting_id_key" ON "schedule_entry"("meeting_id");

-- CreateIndex
CREATE INDEX "schedule_entry_year_half_idx" ON "schedule_entry"("year", "half");

-- CreateIndex
CREATE INDEX "schedule_entry_central_body_id_year_idx" ON "schedule_entry"("central_body_id", "year");

-- CreateIndex
CREATE UNIQUE INDEX "action_plan_region_id_year_half_key" ON "action_plan"("region_id", "year", "half");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official" ADD CONSTRAINT "official_central_body_id_fkey" FOREIGN KEY ("central_body_id") REFERENCES "central_body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official" ADD CONSTRAINT "official_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "official" ADD CONSTRAINT "official_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_official_id_fkey" FOREIGN KEY ("official_id") REFERENCES "official"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_central_body_id_fkey" FOREIGN KEY ("central_body_id") REFERENCES "central_body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "personal_reception" ADD CONSTRAINT "personal_reception_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "raised_issue" ADD CONSTRAINT "raised_issue_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "raised_issue" ADD CONSTRAINT "raised_issue_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "issue_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "raised_issue" ADD CONSTRAINT "raised_issue_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issue_status_change" ADD CONSTRAINT "issue_status_change_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "raised_issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issue_status_change" ADD CONSTRAINT "issue_status_change_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_allocation" ADD CONSTRAINT "budget_allocation_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "raised_issue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "raised_issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation" ADD CONSTRAINT "escalation_central_body_id_fkey" FOREIGN KEY ("central_body_id") REFERENCES "central_body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_disposition_change" ADD CONSTRAINT "escalation_disposition_change_escalation_id_fkey" FOREIGN KEY ("escalation_id") REFERENCES "escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escalation_disposition_change" ADD CONSTRAINT "escalation_disposition_change_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_request" ADD CONSTRAINT "budget_request_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_request" ADD CONSTRAINT "budget_request_central_body_id_fkey" FOREIGN KEY ("central_body_id") REFERENCES "central_body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_request_issue" ADD CONSTRAINT "budget_request_issue_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "budget_request"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "budget_request_issue" ADD CONSTRAINT "budget_request_issue_issue_id_fkey" FOREIGN KEY ("issue_id") REFERENCES "raised_issue"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_official_id_fkey" FOREIGN KEY ("official_id") REFERENCES "official"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_central_body_id_fkey" FOREIGN KEY ("central_body_id") REFERENCES "central_body"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "schedule_entry" ADD CONSTRAINT "schedule_entry_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_plan" ADD CONSTRAINT "action_plan_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_region_id_fkey" FOREIGN KEY ("region_id") REFERENCES "region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_central_body_id_fkey" FOREIGN KEY ("central_body_id") REFERENCES "central_body"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
