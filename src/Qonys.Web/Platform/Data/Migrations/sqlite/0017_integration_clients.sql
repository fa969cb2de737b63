-- 0017: machine identity of the integration clients (OAuth 2.0 client credentials, docs/security.md): OpenIddict's
-- applications, authorizations, scopes and tokens, and the key set that signs and encrypts their access tokens.
CREATE TABLE "auth_oauth_applications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_auth_oauth_applications" PRIMARY KEY,
    "application_type" TEXT NULL,
    "client_id" TEXT NULL,
    "client_secret" TEXT NULL,
    "client_type" TEXT NULL,
    "concurrency_token" TEXT NULL,
    "consent_type" TEXT NULL,
    "display_name" TEXT NULL,
    "display_names" TEXT NULL,
    "json_web_key_set" TEXT NULL,
    "permissions" TEXT NULL,
    "post_logout_redirect_uris" TEXT NULL,
    "properties" TEXT NULL,
    "redirect_uris" TEXT NULL,
    "requirements" TEXT NULL,
    "settings" TEXT NULL
);

CREATE TABLE "auth_oauth_keys" (
    "id" TEXT NOT NULL CONSTRAINT "pk_auth_oauth_keys" PRIMARY KEY,
    "use" TEXT NOT NULL,
    "certificate" TEXT NOT NULL,
    "not_before" TEXT NOT NULL,
    "not_after" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "auth_oauth_scopes" (
    "id" TEXT NOT NULL CONSTRAINT "pk_auth_oauth_scopes" PRIMARY KEY,
    "concurrency_token" TEXT NULL,
    "description" TEXT NULL,
    "descriptions" TEXT NULL,
    "display_name" TEXT NULL,
    "display_names" TEXT NULL,
    "name" TEXT NULL,
    "properties" TEXT NULL,
    "resources" TEXT NULL
);

CREATE TABLE "auth_oauth_authorizations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_auth_oauth_authorizations" PRIMARY KEY,
    "application_id" TEXT NULL,
    "concurrency_token" TEXT NULL,
    "creation_date" TEXT NULL,
    "properties" TEXT NULL,
    "scopes" TEXT NULL,
    "status" TEXT NULL,
    "subject" TEXT NULL,
    "type" TEXT NULL,
    CONSTRAINT "fk_auth_oauth_authorizations_auth_oauth_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "auth_oauth_applications" ("id")
);

CREATE TABLE "auth_oauth_tokens" (
    "id" TEXT NOT NULL CONSTRAINT "pk_auth_oauth_tokens" PRIMARY KEY,
    "application_id" TEXT NULL,
    "authorization_id" TEXT NULL,
    "concurrency_token" TEXT NULL,
    "creation_date" TEXT NULL,
    "expiration_date" TEXT NULL,
    "payload" TEXT NULL,
    "properties" TEXT NULL,
    "redemption_date" TEXT NULL,
    "reference_id" TEXT NULL,
    "status" TEXT NULL,
    "subject" TEXT NULL,
    "type" TEXT NULL,
    CONSTRAINT "fk_auth_oauth_tokens_auth_oauth_applications_application_id" FOREIGN KEY ("application_id") REFERENCES "auth_oauth_applications" ("id"),
    CONSTRAINT "fk_auth_oauth_tokens_auth_oauth_authorizations_authorization_id" FOREIGN KEY ("authorization_id") REFERENCES "auth_oauth_authorizations" ("id")
);

CREATE UNIQUE INDEX "ix_auth_oauth_applications_client_id" ON "auth_oauth_applications" ("client_id");

CREATE INDEX "ix_auth_oauth_authorizations_application_id_status_subject_type" ON "auth_oauth_authorizations" ("application_id", "status", "subject", "type");

CREATE UNIQUE INDEX "ix_auth_oauth_scopes_name" ON "auth_oauth_scopes" ("name");

CREATE INDEX "ix_auth_oauth_tokens_application_id_status_subject_type" ON "auth_oauth_tokens" ("application_id", "status", "subject", "type");

CREATE INDEX "ix_auth_oauth_tokens_authorization_id" ON "auth_oauth_tokens" ("authorization_id");

CREATE UNIQUE INDEX "ix_auth_oauth_tokens_reference_id" ON "auth_oauth_tokens" ("reference_id");
