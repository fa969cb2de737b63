-- 0001 platform: identity, audit, notifications, idempotency, data-protection keys, reference data, registry.
-- Written from the model with 'schema-sql' and reviewed; later migrations alter this schema step by step.
CREATE TABLE "auth_roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_auth_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);


CREATE TABLE "auth_users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_auth_users" PRIMARY KEY,
    "display_name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "region_code" TEXT NULL,
    "employer_bin" TEXT NULL,
    "person_id" TEXT NULL,
    "culture" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);


CREATE TABLE "platform_audit_entries" (
    "seq" INTEGER NOT NULL CONSTRAINT "pk_platform_audit_entries" PRIMARY KEY,
    "at" TEXT NOT NULL,
    "actor_id" TEXT NULL,
    "actor_role" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "entity_type" TEXT NULL,
    "entity_id" TEXT NULL,
    "data" TEXT NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);


CREATE TABLE "platform_data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_platform_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NOT NULL,
    "xml" TEXT NOT NULL
);


CREATE TABLE "platform_idempotency_keys" (
    "caller" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "completed" INTEGER NOT NULL,
    "status_code" INTEGER NOT NULL,
    "content_type" TEXT NULL,
    "location" TEXT NULL,
    "response_body" BLOB NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "pk_platform_idempotency_keys" PRIMARY KEY ("caller", "key")
);


CREATE TABLE "platform_notifications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_platform_notifications" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NULL,
    "lease_owner" TEXT NULL,
    "lease_until" TEXT NULL,
    "delivered_at" TEXT NULL,
    "read_at" TEXT NULL
);


CREATE TABLE "ref_calendar_days" (
    "date" TEXT NOT NULL CONSTRAINT "pk_ref_calendar_days" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL
);


CREATE TABLE "ref_countries" (
    "alpha2" TEXT NOT NULL CONSTRAINT "pk_ref_countries" PRIMARY KEY,
    "alpha3" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "wto_member" INTEGER NOT NULL
);


CREATE TABLE "ref_occupations" (
    "code" TEXT NOT NULL CONSTRAINT "pk_ref_occupations" PRIMARY KEY,
    "level" TEXT NOT NULL,
    "major_group" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "in_demand" INTEGER NOT NULL
);


CREATE TABLE "ref_oked_sections" (
    "code" TEXT NOT NULL CONSTRAINT "pk_ref_oked_sections" PRIMARY KEY,
    "name_en" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL
);


CREATE TABLE "ref_permit_fee_rates" (
    "category" TEXT NOT NULL,
    "oked_section" TEXT NOT NULL,
    "term_months_max" INTEGER NOT NULL,
    "fee_mci" INTEGER NOT NULL,
    "unconfirmed" INTEGER NOT NULL,
    CONSTRAINT "pk_ref_permit_fee_rates" PRIMARY KEY ("category", "oked_section", "term_months_max")
);


CREATE TABLE "ref_regions" (
    "code" TEXT NOT NULL CONSTRAINT "pk_ref_regions" PRIMARY KEY,
    "name_en" TEXT NOT NULL,
    "name_kk" TEXT NOT NULL,
    "name_ru" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_to" TEXT NULL
);


CREATE TABLE "ref_rule_values" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_ref_rule_values" PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    "effective_to" TEXT NULL,
    "value" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "unconfirmed" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL
);


CREATE TABLE "registry_employers" (
    "bin" TEXT NOT NULL CONSTRAINT "pk_registry_employers" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "oked_section" TEXT NOT NULL,
    "citizens_cat1" INTEGER NOT NULL,
    "citizens_cat2" INTEGER NOT NULL,
    "citizens_cat3" INTEGER NOT NULL,
    "citizens_cat4" INTEGER NOT NULL,
    "foreigners_cat1" INTEGER NOT NULL,
    "foreigners_cat2" INTEGER NOT NULL,
    "foreigners_cat3" INTEGER NOT NULL,
    "foreigners_cat4" INTEGER NOT NULL,
    "is_small_business" INTEGER NOT NULL,
    "is_branch_office" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);


CREATE TABLE "registry_persons" (
    "id" TEXT NOT NULL CONSTRAINT "pk_registry_persons" PRIMARY KEY,
    "iin" TEXT NULL,
    "passport_number" TEXT NULL,
    "passport_country" TEXT NULL,
    "full_name" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "citizenship" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);


CREATE TABLE "auth_role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_auth_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_auth_role_claims_auth_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "auth_roles" ("id") ON DELETE CASCADE
);


CREATE TABLE "auth_user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_auth_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_auth_user_claims_auth_users_user_id" FOREIGN KEY ("user_id") REFERENCES "auth_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "auth_user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_auth_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_auth_user_logins_auth_users_user_id" FOREIGN KEY ("user_id") REFERENCES "auth_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "auth_user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_auth_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_auth_user_roles_auth_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "auth_roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_auth_user_roles_auth_users_user_id" FOREIGN KEY ("user_id") REFERENCES "auth_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "auth_user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_auth_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_auth_user_tokens_auth_users_user_id" FOREIGN KEY ("user_id") REFERENCES "auth_users" ("id") ON DELETE CASCADE
);


CREATE INDEX "ix_auth_role_claims_role_id" ON "auth_role_claims" ("role_id");


CREATE UNIQUE INDEX "role_name_index" ON "auth_roles" ("normalized_name");


CREATE INDEX "ix_auth_user_claims_user_id" ON "auth_user_claims" ("user_id");


CREATE INDEX "ix_auth_user_logins_user_id" ON "auth_user_logins" ("user_id");


CREATE INDEX "ix_auth_user_roles_role_id" ON "auth_user_roles" ("role_id");


CREATE INDEX "email_index" ON "auth_users" ("normalized_email");


CREATE UNIQUE INDEX "user_name_index" ON "auth_users" ("normalized_user_name");


CREATE INDEX "ix_platform_audit_entries_at" ON "platform_audit_entries" ("at");


CREATE INDEX "ix_platform_audit_entries_entity_type_entity_id" ON "platform_audit_entries" ("entity_type", "entity_id");


CREATE INDEX "ix_platform_idempotency_keys_created_at" ON "platform_idempotency_keys" ("created_at");


CREATE INDEX "ix_platform_notifications_status_lease_until" ON "platform_notifications" ("status", "lease_until");


CREATE INDEX "ix_platform_notifications_user_id_channel_read_at" ON "platform_notifications" ("user_id", "channel", "read_at");


CREATE UNIQUE INDEX "ix_ref_rule_values_key_effective_from" ON "ref_rule_values" ("key", "effective_from");


CREATE INDEX "ix_registry_employers_region_code" ON "registry_employers" ("region_code");


CREATE UNIQUE INDEX "ix_registry_persons_iin" ON "registry_persons" ("iin");


CREATE UNIQUE INDEX "ix_registry_persons_passport_country_passport_number" ON "registry_persons" ("passport_country", "passport_number");



