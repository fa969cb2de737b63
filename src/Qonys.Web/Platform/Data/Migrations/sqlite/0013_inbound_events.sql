-- 0013: inbound events (API.md "Integration events"): the inbox, foreign workers' presence, the tax and pension payments, persons' addresses and deaths.
CREATE TABLE "integration_inbox" (
    "event_id" TEXT NOT NULL CONSTRAINT "pk_integration_inbox" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "received_at" TEXT NOT NULL,
    "sender_id" TEXT NULL,
    "payload" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "reason" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "applied_at" TEXT NULL,
    "replayed_by" TEXT NULL,
    "replayed_at" TEXT NULL,
    "duplicates" INTEGER NOT NULL,
    "last_duplicate_at" TEXT NULL
);
CREATE TABLE "permits_worker_presence" (
    "passport_number" TEXT NOT NULL,
    "citizenship" TEXT NOT NULL,
    "in_country" INTEGER NOT NULL,
    "last_crossing_at" TEXT NULL,
    "last_crossing_direction" TEXT NULL,
    "last_checkpoint" TEXT NULL,
    "stay_region_code" TEXT NULL,
    "stay_address" TEXT NULL,
    "stay_host" TEXT NULL,
    "stay_from" TEXT NULL,
    "stay_until" TEXT NULL,
    "last_event_at" TEXT NOT NULL,
    CONSTRAINT "pk_permits_worker_presence" PRIMARY KEY ("citizenship", "passport_number")
);
CREATE TABLE "compliance_state_payments" (
    "event_id" TEXT NOT NULL CONSTRAINT "pk_compliance_state_payments" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "employer_bin" TEXT NOT NULL,
    "worker_iin" TEXT NULL,
    "tax_code" TEXT NULL,
    "period_from" TEXT NOT NULL,
    "period_to" TEXT NOT NULL,
    "amount_kzt" INTEGER NOT NULL,
    "paid_on" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL
);
CREATE INDEX "ix_compliance_state_payments_employer_bin_period_from" ON "compliance_state_payments" ("employer_bin", "period_from");
CREATE INDEX "ix_compliance_state_payments_worker_iin" ON "compliance_state_payments" ("worker_iin");
CREATE INDEX "ix_integration_inbox_outcome_received_at" ON "integration_inbox" ("outcome", "received_at");
CREATE INDEX "ix_permits_worker_presence_in_country" ON "permits_worker_presence" ("in_country");
ALTER TABLE "registry_persons" ADD COLUMN "address_locality" TEXT NULL;
ALTER TABLE "registry_persons" ADD COLUMN "address" TEXT NULL;
ALTER TABLE "registry_persons" ADD COLUMN "address_changed_on" TEXT NULL;
ALTER TABLE "registry_persons" ADD COLUMN "died_on" TEXT NULL;
CREATE INDEX "ix_permits_application_workers_citizenship_passport_number" ON "permits_application_workers" ("citizenship", "passport_number");
CREATE INDEX "ix_permits_permits_worker_id" ON "permits_permits" ("worker_id");
