-- 0005 selection of skilled migrants: stored scorecard versions, the candidate pool, invitation rounds and
-- invitations, reference lists (labour-deficit regions, Ata Zholy), Ata Zholy card applications.
CREATE TABLE "selection_ata_zholy_applications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_selection_ata_zholy_applications" PRIMARY KEY,
    "account_id" TEXT NULL,
    "full_name" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "citizenship" TEXT NOT NULL,
    "profession" TEXT NULL,
    "operates_business_abroad" INTEGER NOT NULL,
    "business_years_operating" TEXT NULL,
    "business_annual_turnover_usd" TEXT NULL,
    "term_years" INTEGER NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "decision_json" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "selection_candidates" (
    "id" TEXT NOT NULL CONSTRAINT "pk_selection_candidates" PRIMARY KEY,
    "account_id" TEXT NULL,
    "full_name" TEXT NOT NULL,
    "birth_date" TEXT NOT NULL,
    "citizenship" TEXT NOT NULL,
    "education" TEXT NOT NULL,
    "experience_years" TEXT NOT NULL,
    "kazakh_level" TEXT NOT NULL,
    "russian_level" TEXT NOT NULL,
    "english_level" TEXT NOT NULL,
    "occupation_code" TEXT NOT NULL,
    "job_offer_region_code" TEXT NULL,
    "offered_monthly_salary_kzt" INTEGER NULL,
    "profile_at" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "selection_list_entries" (
    "list" TEXT NOT NULL,
    "entry" TEXT NOT NULL,
    "value" TEXT NULL,
    "note" TEXT NULL,
    CONSTRAINT "pk_selection_list_entries" PRIMARY KEY ("list", "entry")
);

CREATE TABLE "selection_rounds" (
    "id" TEXT NOT NULL CONSTRAINT "pk_selection_rounds" PRIMARY KEY,
    "round_key" TEXT NOT NULL,
    "round_date" TEXT NOT NULL,
    "run_at" TEXT NOT NULL,
    "run_by" TEXT NOT NULL,
    "scorecard_key" TEXT NOT NULL,
    "scorecard_version" INTEGER NOT NULL,
    "invitations_requested" INTEGER NOT NULL,
    "invited_count" INTEGER NOT NULL,
    "eligible_count" INTEGER NOT NULL,
    "pool_size" INTEGER NOT NULL,
    "cut_off_score" TEXT NULL,
    "occupation_codes" TEXT NULL,
    "region_codes" TEXT NULL,
    "tie_break_explanation" TEXT NULL,
    "apply_by" TEXT NOT NULL
);

CREATE TABLE "selection_scorecards" (
    "id" TEXT NOT NULL CONSTRAINT "pk_selection_scorecards" PRIMARY KEY,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NULL,
    "published_by" TEXT NULL,
    "published_at" TEXT NULL,
    "retired_at" TEXT NULL
);

CREATE TABLE "selection_invitations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_selection_invitations" PRIMARY KEY,
    "round_id" TEXT NOT NULL,
    "candidate_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "pool_rank" INTEGER NOT NULL,
    "score" TEXT NOT NULL,
    "profile_at" TEXT NOT NULL,
    "invited_at" TEXT NOT NULL,
    "apply_by" TEXT NOT NULL,
    CONSTRAINT "fk_selection_invitations_selection_candidates_candidate_id" FOREIGN KEY ("candidate_id") REFERENCES "selection_candidates" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_selection_invitations_selection_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "selection_rounds" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_selection_ata_zholy_applications_account_id_created_at" ON "selection_ata_zholy_applications" ("account_id", "created_at");

CREATE UNIQUE INDEX "ix_selection_candidates_account_id" ON "selection_candidates" ("account_id");

CREATE INDEX "ix_selection_candidates_created_by_created_at" ON "selection_candidates" ("created_by", "created_at");

CREATE UNIQUE INDEX "ix_selection_invitations_candidate_id" ON "selection_invitations" ("candidate_id");

CREATE UNIQUE INDEX "ix_selection_invitations_round_id_position" ON "selection_invitations" ("round_id", "position");

CREATE UNIQUE INDEX "ix_selection_rounds_round_key_round_date" ON "selection_rounds" ("round_key", "round_date");

CREATE INDEX "ix_selection_rounds_run_at" ON "selection_rounds" ("run_at");

CREATE UNIQUE INDEX "ix_selection_scorecards_key_version" ON "selection_scorecards" ("key", "version");

CREATE UNIQUE INDEX "ux_selection_scorecards_published" ON "selection_scorecards" ("key") WHERE status = 'published';
