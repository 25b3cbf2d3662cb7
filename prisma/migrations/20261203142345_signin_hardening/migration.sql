-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "totp_last_step" INTEGER;

-- AlterTable
ALTER TABLE "sign_in_throttle" ADD COLUMN     "last_failure_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Per-address locks are gone: an address is shared (an office NAT) and a client can name any.
DELETE FROM "sign_in_throttle" WHERE "key" LIKE 'ip:%';
