-- 0014: the transactional outbox of outbound events (docs/architecture.md "Outbound events"): written in the decision's
-- transaction, numbered per aggregate and subject, published to the broker in position order by the relay.
CREATE TABLE "platform_outbox" (
    "position" INTEGER NOT NULL CONSTRAINT "pk_platform_outbox" PRIMARY KEY AUTOINCREMENT,
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "aggregate" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "published_at" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NULL
);
CREATE UNIQUE INDEX "ix_platform_outbox_id" ON "platform_outbox" ("id");
CREATE UNIQUE INDEX "ix_platform_outbox_aggregate_subject_sequence" ON "platform_outbox" ("aggregate", "subject", "sequence");
CREATE INDEX "ix_platform_outbox_published_at_position" ON "platform_outbox" ("published_at", "position");
