-- 0010: lock-out per (e-mail, source) instead of per account, and signed checkpoints of the audit chains' heads
-- (docs/security.md). Identity's own per-account failure counter is no longer used for lock-out.
CREATE TABLE platform_sign_in_throttles (
    key character varying(64) NOT NULL,
    failures integer NOT NULL,
    last_failure_ms bigint NOT NULL,
    locked_until_ms bigint NOT NULL,
    CONSTRAINT pk_platform_sign_in_throttles PRIMARY KEY (key)
);
CREATE INDEX ix_platform_sign_in_throttles_last_failure_ms ON platform_sign_in_throttles (last_failure_ms);

CREATE TABLE platform_audit_checkpoints (
    number bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    heads text NOT NULL,
    key_id character varying(64) NOT NULL,
    signature character varying(200) NOT NULL,
    CONSTRAINT pk_platform_audit_checkpoints PRIMARY KEY (number)
);
