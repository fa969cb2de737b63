-- 0002 permits and quotas: applications, workers, case history, permits, quota ledger and revisions;
-- compliance offences (read by the offences check); regional wages (salary threshold).
CREATE TABLE "compliance_offences" (
    "id" TEXT NOT NULL CONSTRAINT "pk_compliance_offences" PRIMARY KEY,
    "article" TEXT NOT NULL,
    "offender_type" TEXT NOT NULL,
    "offender_bin" TEXT NULL,
    "offender_person_id" TEXT NULL,
    "region_code" TEXT NOT NULL,
    "committed_on" TEXT NOT NULL,
    "recorded_on" TEXT NOT NULL,
    "fine_mci" INTEGER NOT NULL,
    "fine_kzt" INTEGER NOT NULL,
    "collected_kzt" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "resolved_on" TEXT NULL
);

CREATE TABLE "permits_applications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_permits_applications" PRIMARY KEY,
    "employer_bin" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "occupation_code" TEXT NOT NULL,
    "oked_section" TEXT NOT NULL,
    "worker_count" INTEGER NOT NULL,
    "months" INTEGER NOT NULL,
    "monthly_salary_kzt" INTEGER NOT NULL,
    "vacancy_published_on" TEXT NULL,
    "sending_country" TEXT NULL,
    "submitted_on" TEXT NOT NULL,
    "quota_year" INTEGER NOT NULL,
    "holds_quota" INTEGER NOT NULL,
    "fee_mci" INTEGER NOT NULL,
    "fee_kzt" INTEGER NOT NULL,
    "decision_due_on" TEXT NOT NULL,
    "fee_due_on" TEXT NULL,
    "status" TEXT NOT NULL,
    "checks_json" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NULL
);

CREATE TABLE "permits_permits" (
    "number" TEXT NOT NULL CONSTRAINT "pk_permits_permits" PRIMARY KEY,
    "application_id" TEXT NOT NULL,
    "worker_id" TEXT NOT NULL,
    "employer_bin" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "occupation_code" TEXT NOT NULL,
    "oked_section" TEXT NOT NULL,
    "citizenship" TEXT NOT NULL,
    "issued_on" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NOT NULL,
    "ended_on" TEXT NULL,
    "status" TEXT NOT NULL,
    "extensions" INTEGER NOT NULL
);

CREATE TABLE "permits_quota_ledger" (
    "year" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "cap" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL,
    "used" INTEGER NOT NULL,
    "released" INTEGER NOT NULL,
    CONSTRAINT "pk_permits_quota_ledger" PRIMARY KEY ("year", "region_code", "category"),
    CONSTRAINT "ck_permits_quota_ledger_within_cap" CHECK (reserved >= 0 AND used >= 0 AND reserved + used <= cap)
);

CREATE TABLE "permits_quota_revisions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_permits_quota_revisions" PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "actor_id" TEXT NULL,
    "old_cap" INTEGER NOT NULL,
    "new_cap" INTEGER NOT NULL,
    "reason" TEXT NOT NULL
);

CREATE TABLE "ref_regional_wages" (
    "year" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL,
    "major_group" TEXT NOT NULL,
    "average_kzt" INTEGER NOT NULL,
    CONSTRAINT "pk_ref_regional_wages" PRIMARY KEY ("year", "region_code", "major_group")
);

CREATE TABLE "permits_application_workers" (
    "id" TEXT NOT NULL CONSTRAINT "pk_permits_application_workers" PRIMARY KEY,
    "application_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "full_name" TEXT NOT NULL,
    "passport_number" TEXT NOT NULL,
    "citizenship" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "education" TEXT NOT NULL,
    CONSTRAINT "fk_permits_application_workers_permits_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "permits_applications" ("id") ON DELETE CASCADE
);

CREATE TABLE "permits_case_actions" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_permits_case_actions" PRIMARY KEY AUTOINCREMENT,
    "application_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "actor_id" TEXT NULL,
    "actor_role" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "permit_number" TEXT NULL,
    "from_status" TEXT NULL,
    "to_status" TEXT NOT NULL,
    "reason" TEXT NULL,
    CONSTRAINT "fk_permits_case_actions_permits_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "permits_applications" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_compliance_offences_committed_on_region_code" ON "compliance_offences" ("committed_on", "region_code");

CREATE INDEX "ix_compliance_offences_offender_bin_status" ON "compliance_offences" ("offender_bin", "status");

CREATE UNIQUE INDEX "ix_permits_application_workers_application_id_position" ON "permits_application_workers" ("application_id", "position");

CREATE INDEX "ix_permits_applications_employer_bin_created_at" ON "permits_applications" ("employer_bin", "created_at");

CREATE INDEX "ix_permits_applications_region_code_status_decision_due_on" ON "permits_applications" ("region_code", "status", "decision_due_on");

CREATE UNIQUE INDEX "ix_permits_case_actions_application_id_seq" ON "permits_case_actions" ("application_id", "seq");

CREATE INDEX "ix_permits_permits_application_id" ON "permits_permits" ("application_id");

CREATE INDEX "ix_permits_permits_employer_bin_status" ON "permits_permits" ("employer_bin", "status");

CREATE INDEX "ix_permits_permits_valid_from_valid_until" ON "permits_permits" ("valid_from", "valid_until");

CREATE INDEX "ix_permits_quota_revisions_year_region_code_category_at" ON "permits_quota_revisions" ("year", "region_code", "category", "at");
