-- 0006 analytical centre: projection runs (the background queue), their results per unit and year, stored policy scenarios.
CREATE TABLE demography_projection_runs (
    id uuid NOT NULL,
    scenario_key character varying(64) NOT NULL,
    scenario_name character varying(200) NOT NULL,
    scenario_json text NOT NULL,
    base_year integer NOT NULL,
    horizon_year integer NOT NULL,
    regions character varying(16) NOT NULL,
    trajectories integer NOT NULL,
    seed bigint NOT NULL,
    status character varying(16) NOT NULL,
    progress double precision NOT NULL,
    cancel_requested boolean NOT NULL,
    error character varying(500),
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    lease_owner character varying(64),
    lease_until timestamp with time zone,
    CONSTRAINT pk_demography_projection_runs PRIMARY KEY (id)
);

CREATE TABLE demography_scenarios (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    definition_json text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_demography_scenarios PRIMARY KEY (id)
);

CREATE TABLE demography_projection_results (
    run_id uuid NOT NULL,
    region_code character varying(8) NOT NULL,
    year integer NOT NULL,
    total double precision NOT NULL,
    male double precision NOT NULL,
    female double precision NOT NULL,
    working_age_share double precision NOT NULL,
    above_working_age_share double precision NOT NULL,
    dependency_ratio double precision NOT NULL,
    births double precision,
    deaths double precision,
    net_international_migration double precision,
    net_inter_regional_migration double precision,
    p10 double precision NOT NULL,
    p50 double precision NOT NULL,
    p90 double precision NOT NULL,
    male_ages text NOT NULL,
    female_ages text NOT NULL,
    CONSTRAINT pk_demography_projection_results PRIMARY KEY (run_id, region_code, year),
    CONSTRAINT "fk_demography_projection_results_demography_projection_runs_ru~" FOREIGN KEY (run_id) REFERENCES demography_projection_runs (id) ON DELETE CASCADE
);

CREATE INDEX ix_demography_projection_runs_created_at ON demography_projection_runs (created_at);

CREATE INDEX ix_demography_projection_runs_status_created_at ON demography_projection_runs (status, created_at);

CREATE INDEX ix_demography_scenarios_created_at ON demography_scenarios (created_at);
