-- 0019: the register of employment contracts (API.md "Compliance"), filled by contract events and the import command.
CREATE TABLE compliance_employment_contracts (
    contract_id character varying(64) NOT NULL,
    employer_bin character varying(12) NOT NULL,
    worker_iin character varying(12),
    worker_passport_number character varying(20),
    worker_passport_country character varying(2),
    position character varying(200) NOT NULL,
    occupation_code character varying(8) NOT NULL,
    monthly_salary_kzt bigint NOT NULL,
    start_on date NOT NULL,
    end_on date,
    work_region_code character varying(8) NOT NULL,
    terminated_on date,
    source character varying(200) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_compliance_employment_contracts PRIMARY KEY (contract_id)
);
CREATE INDEX ix_compliance_employment_contracts_employer_bin_start_on ON compliance_employment_contracts (employer_bin, start_on);
CREATE INDEX ix_compliance_employment_contracts_worker_iin ON compliance_employment_contracts (worker_iin);
CREATE INDEX ix_compliance_employment_contracts_worker_passport ON compliance_employment_contracts (worker_passport_country, worker_passport_number);
