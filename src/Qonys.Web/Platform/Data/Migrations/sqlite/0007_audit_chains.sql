-- 0007 audit chains: the audit log becomes AuditChain.Shards hash chains (see the postgresql script). SQLite cannot change a
-- primary key in place: the table is rebuilt, the entries written before form chain 0 unchanged.
CREATE TABLE "platform_audit_entries_chained" (
    "shard" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "actor_id" TEXT NULL,
    "actor_role" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "entity_type" TEXT NULL,
    "entity_id" TEXT NULL,
    "data" TEXT NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "pk_platform_audit_entries" PRIMARY KEY ("shard", "seq")
);
INSERT INTO "platform_audit_entries_chained" ("shard", "seq", "at", "actor_id", "actor_role", "type", "kind", "entity_type", "entity_id", "data", "prev_hash", "hash")
SELECT 0, "seq", "at", "actor_id", "actor_role", "type", "kind", "entity_type", "entity_id", "data", "prev_hash", "hash" FROM "platform_audit_entries";
DROP TABLE "platform_audit_entries";
ALTER TABLE "platform_audit_entries_chained" RENAME TO "platform_audit_entries";
CREATE INDEX "ix_platform_audit_entries_at" ON "platform_audit_entries" ("at");
CREATE INDEX "ix_platform_audit_entries_entity_type_entity_id" ON "platform_audit_entries" ("entity_type", "entity_id");
