-- 0015: the bulk import of registry files (API.md "Operator commands"): each run's progress, committed with each batch so a
-- killed import goes on after its last committed batch; and the region of residence a persons file reports.
CREATE TABLE "platform_import_runs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_platform_import_runs" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "file_path" TEXT NOT NULL,
    "file_size" INTEGER NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "rejects_path" TEXT NOT NULL,
    "byte_offset" INTEGER NOT NULL,
    "line" INTEGER NOT NULL,
    "imported" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "rejects_length" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "started_by" TEXT NOT NULL,
    "started_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "finished_at" TEXT NULL,
    "error" TEXT NULL
);
CREATE INDEX "ix_platform_import_runs_kind_file_size_file_sha256" ON "platform_import_runs" ("kind", "file_size", "file_sha256");
CREATE INDEX "ix_platform_import_runs_started_at" ON "platform_import_runs" ("started_at");

ALTER TABLE "registry_persons" ADD "region_code" TEXT NULL;
