-- 0013: inbound events (API.md "Integration events"): the inbox, foreign workers' presence, the tax and pension payments, persons' addresses and deaths.
CREATE TABLE integration_inbox (
    event_id character varying(36) NOT NULL,
    type character varying(40) NOT NULL,
    source character varying(100) NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    received_at timestamp with time zone NOT NULL,
    sender_id uuid,
    payload text NOT NULL,
    outcome character varying(16) NOT NULL,
    reason character varying(500),
    attempts integer NOT NULL,
    applied_at timestamp with time zone,
    replayed_by uuid,
    replayed_at timestamp with time zone,
    duplicates integer NOT NULL,
    last_duplicate_at timestamp with time zone,
    CONSTRAINT pk_integration_inbox PRIMARY KEY (event_id)
);
CREATE TABLE permits_worker_presence (
    passport_number character varying(20) NOT NULL,
    citizenship character varying(2) NOT NULL,
    in_country boolean NOT NULL,
    last_crossing_at timestamp with time zone,
    last_crossing_direction character varying(8),
    last_checkpoint character varying(100),
    stay_region_code character varying(8),
    stay_address character varying(500),
    stay_host character varying(12),
    stay_from date,
    stay_until date,
    last_event_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_permits_worker_presence PRIMARY KEY (citizenship, passport_number)
);
CREATE TABLE compliance_state_payments (
    event_id character varying(36) NOT NULL,
    kind character varying(24) NOT NULL,
    employer_bin character varying(12) NOT NULL,
    worker_iin character varying(12),
    tax_code character varying(40),
    period_from date NOT NULL,
    period_to date NOT NULL,
    amount_kzt bigint NOT NULL,
    paid_on date NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_compliance_state_payments PRIMARY KEY (event_id)
);
CREATE INDEX ix_compliance_state_payments_employer_bin_period_from ON compliance_state_payments (employer_bin, period_from);
CREATE INDEX ix_compliance_state_payments_worker_iin ON compliance_state_payments (worker_iin);
CREATE INDEX ix_integration_inbox_outcome_received_at ON integration_inbox (outcome, received_at);
CREATE INDEX ix_permits_worker_presence_in_country ON permits_worker_presence (in_country);
ALTER TABLE registry_persons ADD COLUMN address_locality character varying(200);
ALTER TABLE registry_persons ADD COLUMN address character varying(500);
ALTER TABLE registry_persons ADD COLUMN address_changed_on date;
ALTER TABLE registry_persons ADD COLUMN died_on date;
CREATE INDEX ix_permits_application_workers_citizenship_passport_number ON permits_application_workers (citizenship, passport_number);
CREATE INDEX ix_permits_permits_worker_id ON permits_permits (worker_id);
