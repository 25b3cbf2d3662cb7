-- CreateTable
CREATE TABLE "issued_briefing" (
    "id" SERIAL NOT NULL,
    "year" SMALLINT NOT NULL,
    "half" SMALLINT NOT NULL,
    "version" SMALLINT NOT NULL,
    "figures" JSONB NOT NULL,
    "issued_by_id" INTEGER NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issued_briefing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "issued_briefing_file" (
    "briefing_id" INTEGER NOT NULL,
    "lang" VARCHAR(2) NOT NULL,
    "format" VARCHAR(4) NOT NULL,
    "content" BYTEA NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,

    CONSTRAINT "issued_briefing_file_pkey" PRIMARY KEY ("briefing_id","lang","format")
);

-- CreateIndex
CREATE UNIQUE INDEX "issued_briefing_year_half_version_key" ON "issued_briefing"("year", "half", "version");

-- AddForeignKey
ALTER TABLE "issued_briefing" ADD CONSTRAINT "issued_briefing_issued_by_id_fkey" FOREIGN KEY ("issued_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "issued_briefing_file" ADD CONSTRAINT "issued_briefing_file_briefing_id_fkey" FOREIGN KEY ("briefing_id") REFERENCES "issued_briefing"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: an issued briefing is the official version of its period and is never changed.
-- A reissue is a new row (the next version), so UPDATE and DELETE are refused, whoever connects.
CREATE FUNCTION "issued_briefing_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is never changed: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "issued_briefing_no_update_delete" BEFORE UPDATE OR DELETE ON "issued_briefing"
  FOR EACH ROW EXECUTE FUNCTION "issued_briefing_immutable"();
CREATE TRIGGER "issued_briefing_file_no_update_delete" BEFORE UPDATE OR DELETE ON "issued_briefing_file"
  FOR EACH ROW EXECUTE FUNCTION "issued_briefing_immutable"();
ALTER TABLE "issued_briefing" ADD CONSTRAINT "issued_briefing_half_check" CHECK ("half" IN (1, 2) AND "version" >= 1);
ALTER TABLE "issued_briefing_file" ADD CONSTRAINT "issued_briefing_file_kind_check"
  CHECK ("lang" IN ('ru', 'kk', 'en') AND "format" IN ('docx', 'pdf'));
