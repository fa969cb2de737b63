-- 0019: the register of employment contracts (API.md "Compliance"), filled by contract events and the import command.
CREATE TABLE "compliance_employment_contracts" (
    "contract_id" TEXT NOT NULL CONSTRAINT "pk_compliance_employment_contracts" PRIMARY KEY,
    "employer_bin" TEXT NOT NULL,
    "worker_iin" TEXT NULL,
    "worker_passport_number" TEXT NULL,
    "worker_passport_country" TEXT NULL,
    "position" TEXT NOT NULL,
    "occupation_code" TEXT NOT NULL,
    "monthly_salary_kzt" INTEGER NOT NULL,
    "start_on" TEXT NOT NULL,
    "end_on" TEXT NULL,
    "work_region_code" TEXT NOT NULL,
    "terminated_on" TEXT NULL,
    "source" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL
);
CREATE INDEX "ix_compliance_employment_contracts_employer_bin_start_on" ON "compliance_employment_contracts" ("employer_bin", "start_on");
CREATE INDEX "ix_compliance_employment_contracts_worker_iin" ON "compliance_employment_contracts" ("worker_iin");
CREATE INDEX "ix_compliance_employment_contracts_worker_passport" ON "compliance_employment_contracts" ("worker_passport_country", "worker_passport_number");
