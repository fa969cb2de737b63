-- 0006 analytical centre: projection runs (the background queue), their results per unit and year, stored policy scenarios.
CREATE TABLE "demography_projection_runs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_demography_projection_runs" PRIMARY KEY,
    "scenario_key" TEXT NOT NULL,
    "scenario_name" TEXT NOT NULL,
    "scenario_json" TEXT NOT NULL,
    "base_year" INTEGER NOT NULL,
    "horizon_year" INTEGER NOT NULL,
    "regions" TEXT NOT NULL,
    "trajectories" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "progress" REAL NOT NULL,
    "cancel_requested" INTEGER NOT NULL,
    "error" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "started_at" TEXT NULL,
    "finished_at" TEXT NULL,
    "lease_owner" TEXT NULL,
    "lease_until" TEXT NULL
);

CREATE TABLE "demography_scenarios" (
    "id" TEXT NOT NULL CONSTRAINT "pk_demography_scenarios" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "definition_json" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "demography_projection_results" (
    "run_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "total" REAL NOT NULL,
    "male" REAL NOT NULL,
    "female" REAL NOT NULL,
    "working_age_share" REAL NOT NULL,
    "above_working_age_share" REAL NOT NULL,
    "dependency_ratio" REAL NOT NULL,
    "births" REAL NULL,
    "deaths" REAL NULL,
    "net_international_migration" REAL NULL,
    "net_inter_regional_migration" REAL NULL,
    "p10" REAL NOT NULL,
    "p50" REAL NOT NULL,
    "p90" REAL NOT NULL,
    "male_ages" TEXT NOT NULL,
    "female_ages" TEXT NOT NULL,
    CONSTRAINT "pk_demography_projection_results" PRIMARY KEY ("run_id", "region_code", "year"),
    CONSTRAINT "fk_demography_projection_results_demography_projection_runs_run_id" FOREIGN KEY ("run_id") REFERENCES "demography_projection_runs" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_demography_projection_runs_created_at" ON "demography_projection_runs" ("created_at");

CREATE INDEX "ix_demography_projection_runs_status_created_at" ON "demography_projection_runs" ("status", "created_at");

CREATE INDEX "ix_demography_scenarios_created_at" ON "demography_scenarios" ("created_at");
