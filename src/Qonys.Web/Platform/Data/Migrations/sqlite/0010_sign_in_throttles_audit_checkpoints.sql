-- 0010: lock-out per (e-mail, source) instead of per account, and signed checkpoints of the audit chains' heads
-- (docs/security.md). Identity's own per-account failure counter is no longer used for lock-out.
CREATE TABLE "platform_sign_in_throttles" (
    "key" TEXT NOT NULL CONSTRAINT "pk_platform_sign_in_throttles" PRIMARY KEY,
    "failures" INTEGER NOT NULL,
    "last_failure_ms" INTEGER NOT NULL,
    "locked_until_ms" INTEGER NOT NULL
);
CREATE INDEX "ix_platform_sign_in_throttles_last_failure_ms" ON "platform_sign_in_throttles" ("last_failure_ms");

CREATE TABLE "platform_audit_checkpoints" (
    "number" INTEGER NOT NULL CONSTRAINT "pk_platform_audit_checkpoints" PRIMARY KEY,
    "at" TEXT NOT NULL,
    "heads" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "signature" TEXT NOT NULL
);
