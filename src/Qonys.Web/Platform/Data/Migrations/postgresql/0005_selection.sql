-- 0005 selection of skilled migrants: stored scorecard versions, the candidate pool, invitation rounds and
-- invitations, reference lists (labour-deficit regions, Ata Zholy), Ata Zholy card applications.
CREATE TABLE selection_ata_zholy_applications (
    id uuid NOT NULL,
    account_id uuid,
    full_name character varying(200) NOT NULL,
    birth_date date NOT NULL,
    citizenship character varying(2) NOT NULL,
    profession character varying(200),
    operates_business_abroad boolean NOT NULL,
    business_years_operating numeric(6,2),
    business_annual_turnover_usd numeric(18,2),
    term_years integer NOT NULL,
    valid_from date NOT NULL,
    valid_until date NOT NULL,
    status character varying(16) NOT NULL,
    decision_json text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_selection_ata_zholy_applications PRIMARY KEY (id)
);

CREATE TABLE selection_candidates (
    id uuid NOT NULL,
    account_id uuid,
    full_name character varying(200) NOT NULL,
    birth_date date NOT NULL,
    citizenship character varying(2) NOT NULL,
    education character varying(16) NOT NULL,
    experience_years numeric(5,2) NOT NULL,
    kazakh_level character varying(4) NOT NULL,
    russian_level character varying(4) NOT NULL,
    english_level character varying(4) NOT NULL,
    occupation_code character varying(8) NOT NULL,
    job_offer_region_code character varying(8),
    offered_monthly_salary_kzt bigint,
    profile_at timestamp with time zone NOT NULL,
    channel character varying(16) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_selection_candidates PRIMARY KEY (id)
);

CREATE TABLE selection_list_entries (
    list character varying(64) NOT NULL,
    entry character varying(200) NOT NULL,
    value numeric(18,2),
    note character varying(1000),
    CONSTRAINT pk_selection_list_entries PRIMARY KEY (list, entry)
);

CREATE TABLE selection_rounds (
    id uuid NOT NULL,
    round_key character varying(80) NOT NULL,
    round_date date NOT NULL,
    run_at timestamp with time zone NOT NULL,
    run_by uuid NOT NULL,
    scorecard_key character varying(64) NOT NULL,
    scorecard_version integer NOT NULL,
    invitations_requested integer NOT NULL,
    invited_count integer NOT NULL,
    eligible_count integer NOT NULL,
    pool_size integer NOT NULL,
    cut_off_score numeric(12,4),
    occupation_codes character varying(2000),
    region_codes character varying(400),
    tie_break_explanation character varying(2000),
    apply_by date NOT NULL,
    CONSTRAINT pk_selection_rounds PRIMARY KEY (id)
);

CREATE TABLE selection_scorecards (
    id uuid NOT NULL,
    key character varying(64) NOT NULL,
    version integer NOT NULL,
    status character varying(12) NOT NULL,
    effective_from date NOT NULL,
    title character varying(200) NOT NULL,
    definition text NOT NULL,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone,
    published_by uuid,
    published_at timestamp with time zone,
    retired_at timestamp with time zone,
    CONSTRAINT pk_selection_scorecards PRIMARY KEY (id)
);

CREATE TABLE selection_invitations (
    id uuid NOT NULL,
    round_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    position integer NOT NULL,
    pool_rank integer NOT NULL,
    score numeric(12,4) NOT NULL,
    profile_at timestamp with time zone NOT NULL,
    invited_at timestamp with time zone NOT NULL,
    apply_by date NOT NULL,
    CONSTRAINT pk_selection_invitations PRIMARY KEY (id),
    CONSTRAINT fk_selection_invitations_selection_candidates_candidate_id FOREIGN KEY (candidate_id) REFERENCES selection_candidates (id) ON DELETE RESTRICT,
    CONSTRAINT fk_selection_invitations_selection_rounds_round_id FOREIGN KEY (round_id) REFERENCES selection_rounds (id) ON DELETE RESTRICT
);

CREATE INDEX ix_selection_ata_zholy_applications_account_id_created_at ON selection_ata_zholy_applications (account_id, created_at);

CREATE UNIQUE INDEX ix_selection_candidates_account_id ON selection_candidates (account_id);

CREATE INDEX ix_selection_candidates_created_by_created_at ON selection_candidates (created_by, created_at);

CREATE UNIQUE INDEX ix_selection_invitations_candidate_id ON selection_invitations (candidate_id);

CREATE UNIQUE INDEX ix_selection_invitations_round_id_position ON selection_invitations (round_id, position);

CREATE UNIQUE INDEX ix_selection_rounds_round_key_round_date ON selection_rounds (round_key, round_date);

CREATE INDEX ix_selection_rounds_run_at ON selection_rounds (run_at);

CREATE UNIQUE INDEX ix_selection_scorecards_key_version ON selection_scorecards (key, version);

CREATE UNIQUE INDEX ux_selection_scorecards_published ON selection_scorecards (key) WHERE status = 'published';
