-- 0004 permit lifecycle: extension and worker-replacement requests; household labour-immigrant permits and
-- their employer changes.
CREATE TABLE "permits_change_requests" (
    "id" TEXT NOT NULL CONSTRAINT "pk_permits_change_requests" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "permit_number" TEXT NOT NULL,
    "application_id" TEXT NOT NULL,
    "employer_bin" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "months" INTEGER NULL,
    "worker_full_name" TEXT NULL,
    "worker_passport_number" TEXT NULL,
    "worker_citizenship" TEXT NULL,
    "worker_birth_date" TEXT NULL,
    "worker_education" TEXT NULL,
    "request_reason" TEXT NULL,
    "status" TEXT NOT NULL,
    "requested_on" TEXT NOT NULL,
    "decision_due_on" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "decided_at" TEXT NULL,
    "decided_by" TEXT NULL,
    "decision_reason" TEXT NULL,
    "new_permit_number" TEXT NULL
);

CREATE TABLE "permits_household_employer_changes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_permits_household_employer_changes" PRIMARY KEY AUTOINCREMENT,
    "permit_number" TEXT NOT NULL,
    "from_iin" TEXT NOT NULL,
    "to_iin" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "actor_id" TEXT NULL,
    "actor_role" TEXT NOT NULL,
    "reason" TEXT NULL
);

CREATE TABLE "permits_household_permits" (
    "number" TEXT NOT NULL CONSTRAINT "pk_permits_household_permits" PRIMARY KEY,
    "employer_iin" TEXT NOT NULL,
    "employer_slot" INTEGER NULL,
    "region_code" TEXT NOT NULL,
    "worker_full_name" TEXT NOT NULL,
    "worker_passport_number" TEXT NOT NULL,
    "worker_citizenship" TEXT NOT NULL,
    "worker_birth_date" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "issued_on" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NOT NULL,
    "prepaid_tax_mci" INTEGER NOT NULL,
    "prepaid_tax_kzt" INTEGER NOT NULL,
    "mci_year" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" TEXT NULL
);

CREATE INDEX "ix_permits_change_requests_employer_bin_status" ON "permits_change_requests" ("employer_bin", "status");

CREATE INDEX "ix_permits_change_requests_region_code_status_decision_due_on" ON "permits_change_requests" ("region_code", "status", "decision_due_on");

CREATE UNIQUE INDEX "ux_permits_change_requests_pending" ON "permits_change_requests" ("permit_number") WHERE status = 'pending';

CREATE INDEX "ix_permits_household_employer_changes_permit_number_at" ON "permits_household_employer_changes" ("permit_number", "at");

CREATE UNIQUE INDEX "ix_permits_household_permits_employer_iin_employer_slot" ON "permits_household_permits" ("employer_iin", "employer_slot");

CREATE INDEX "ix_permits_household_permits_region_code" ON "permits_household_permits" ("region_code");

CREATE INDEX "ix_permits_household_permits_status_valid_until" ON "permits_household_permits" ("status", "valid_until");
