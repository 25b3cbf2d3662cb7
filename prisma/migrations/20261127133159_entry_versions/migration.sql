-- AlterTable
ALTER TABLE "action_plan" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "escalation" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "schedule_entry" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
