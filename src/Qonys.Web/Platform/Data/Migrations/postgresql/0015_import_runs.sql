-- 0015: the bulk import of registry files (API.md "Operator commands"): each run's progress, committed with each batch so a
-- killed import goes on after its last committed batch; and the region of residence a persons file reports.
CREATE TABLE platform_import_runs (
    id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    file_path character varying(1000) NOT NULL,
    file_size bigint NOT NULL,
    file_sha256 character varying(64) NOT NULL,
    rejects_path character varying(1000) NOT NULL,
    byte_offset bigint NOT NULL,
    line bigint NOT NULL,
    imported bigint NOT NULL,
    rejected bigint NOT NULL,
    skipped bigint NOT NULL,
    rejects_length bigint NOT NULL,
    status character varying(16) NOT NULL,
    started_by character varying(256) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    error character varying(1000),
    CONSTRAINT pk_platform_import_runs PRIMARY KEY (id)
);
CREATE INDEX ix_platform_import_runs_kind_file_size_file_sha256 ON platform_import_runs (kind, file_size, file_sha256);
CREATE INDEX ix_platform_import_runs_started_at ON platform_import_runs (started_at);

ALTER TABLE registry_persons ADD region_code character varying(8);
