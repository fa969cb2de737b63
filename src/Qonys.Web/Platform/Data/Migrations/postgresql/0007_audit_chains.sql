-- 0007 audit chains: the audit log becomes AuditChain.Shards hash chains, so that unrelated writers no longer wait for one
-- lock. An entry is now (shard, seq); the entries written before form chain 0 unchanged (their hashes do not cover the shard).
ALTER TABLE platform_audit_entries ADD COLUMN shard integer NOT NULL DEFAULT 0;
ALTER TABLE platform_audit_entries ALTER COLUMN shard DROP DEFAULT;
ALTER TABLE platform_audit_entries DROP CONSTRAINT pk_platform_audit_entries;
ALTER TABLE platform_audit_entries ADD CONSTRAINT pk_platform_audit_entries PRIMARY KEY (shard, seq);
