-- 0017: machine identity of the integration clients (OAuth 2.0 client credentials, docs/security.md): OpenIddict's
-- applications, authorizations, scopes and tokens, and the key set that signs and encrypts their access tokens.
CREATE TABLE auth_oauth_applications (
    id text NOT NULL,
    application_type character varying(50),
    client_id character varying(100),
    client_secret text,
    client_type character varying(50),
    concurrency_token character varying(50),
    consent_type character varying(50),
    display_name text,
    display_names text,
    json_web_key_set text,
    permissions text,
    post_logout_redirect_uris text,
    properties text,
    redirect_uris text,
    requirements text,
    settings text,
    CONSTRAINT pk_auth_oauth_applications PRIMARY KEY (id)
);

CREATE TABLE auth_oauth_keys (
    id character varying(64) NOT NULL,
    use character varying(16) NOT NULL,
    certificate text NOT NULL,
    not_before timestamp with time zone NOT NULL,
    not_after timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_auth_oauth_keys PRIMARY KEY (id)
);

CREATE TABLE auth_oauth_scopes (
    id text NOT NULL,
    concurrency_token character varying(50),
    description text,
    descriptions text,
    display_name text,
    display_names text,
    name character varying(200),
    properties text,
    resources text,
    CONSTRAINT pk_auth_oauth_scopes PRIMARY KEY (id)
);

CREATE TABLE auth_oauth_authorizations (
    id text NOT NULL,
    application_id text,
    concurrency_token character varying(50),
    creation_date timestamp with time zone,
    properties text,
    scopes text,
    status character varying(50),
    subject character varying(400),
    type character varying(50),
    CONSTRAINT pk_auth_oauth_authorizations PRIMARY KEY (id),
    CONSTRAINT "fk_auth_oauth_authorizations_auth_oauth_applications_applicati~" FOREIGN KEY (application_id) REFERENCES auth_oauth_applications (id)
);

CREATE TABLE auth_oauth_tokens (
    id text NOT NULL,
    application_id text,
    authorization_id text,
    concurrency_token character varying(50),
    creation_date timestamp with time zone,
    expiration_date timestamp with time zone,
    payload text,
    properties text,
    redemption_date timestamp with time zone,
    reference_id character varying(100),
    status character varying(50),
    subject character varying(400),
    type character varying(150),
    CONSTRAINT pk_auth_oauth_tokens PRIMARY KEY (id),
    CONSTRAINT fk_auth_oauth_tokens_auth_oauth_applications_application_id FOREIGN KEY (application_id) REFERENCES auth_oauth_applications (id),
    CONSTRAINT fk_auth_oauth_tokens_auth_oauth_authorizations_authorization_id FOREIGN KEY (authorization_id) REFERENCES auth_oauth_authorizations (id)
);

CREATE UNIQUE INDEX ix_auth_oauth_applications_client_id ON auth_oauth_applications (client_id);

CREATE INDEX ix_auth_oauth_authorizations_application_id_status_subject_type ON auth_oauth_authorizations (application_id, status, subject, type);

CREATE UNIQUE INDEX ix_auth_oauth_scopes_name ON auth_oauth_scopes (name);

CREATE INDEX ix_auth_oauth_tokens_application_id_status_subject_type ON auth_oauth_tokens (application_id, status, subject, type);

CREATE INDEX ix_auth_oauth_tokens_authorization_id ON auth_oauth_tokens (authorization_id);

CREATE UNIQUE INDEX ix_auth_oauth_tokens_reference_id ON auth_oauth_tokens (reference_id);
