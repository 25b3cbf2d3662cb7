-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('READ', 'READ_WRITE');

-- AlterTable
ALTER TABLE "api_token" ADD COLUMN     "scope" "TokenScope" NOT NULL DEFAULT 'READ';

-- Tokens issued before scopes could write; they keep doing so until revoked.
UPDATE "api_token" SET "scope" = 'READ_WRITE';

-- ADMIN users get no tokens: a token skips the second factor an admin's session needs.
UPDATE "api_token" SET "revoked_at" = CURRENT_TIMESTAMP
  WHERE "revoked_at" IS NULL AND "user_id" IN (SELECT "id" FROM "app_user" WHERE "role" = 'ADMIN');
