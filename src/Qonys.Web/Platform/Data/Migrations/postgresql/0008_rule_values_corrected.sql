-- 0008 rule values as the law has them (docs/rules.md, "What changed and why"). The permit fee table is versioned by
-- effective date and priced by fee sector group: the old table (invented rates by OKED section) is dropped and the
-- seeder loads the new one; stored fees keep the amounts they were computed with and now record their rate version.
-- Offences record the provision, the offender's business size and the version of the fine applied.
-- Rule values the earlier release shipped wrong are deleted where they still hold the shipped value (an administrator's
-- edit is kept), so that the seeder loads the corrected periods.
DROP TABLE ref_permit_fee_rates;
CREATE TABLE ref_permit_fee_rates (
    category character varying(10) NOT NULL,
    sector_group character varying(1) NOT NULL,
    term_months_max integer NOT NULL,
    effective_from date NOT NULL,
    fee_mci integer NOT NULL,
    unconfirmed boolean NOT NULL,
    source text NOT NULL,
    note text NOT NULL,
    CONSTRAINT pk_ref_permit_fee_rates PRIMARY KEY (category, sector_group, term_months_max, effective_from)
);
CREATE TABLE ref_fee_sector_groups (
    oked_section character varying(1) NOT NULL,
    effective_from date NOT NULL,
    sector_group character varying(1) NOT NULL,
    unconfirmed boolean NOT NULL,
    source text NOT NULL,
    CONSTRAINT pk_ref_fee_sector_groups PRIMARY KEY (oked_section, effective_from)
);
ALTER TABLE permits_applications ADD COLUMN fee_rule_version date;
ALTER TABLE compliance_offences ADD COLUMN provision character varying(24);
ALTER TABLE compliance_offences ADD COLUMN offender_size character varying(16);
ALTER TABLE compliance_offences ADD COLUMN fine_rule_version date;
DELETE FROM ref_rule_values WHERE
    (key = 'mci' AND effective_from = DATE '2020-01-01' AND effective_to = DATE '2020-12-31' AND value = 2651)
    OR (key = 'mci' AND effective_from = DATE '2022-01-01' AND effective_to = DATE '2022-05-31' AND value = 3063)
    OR (key = 'mci' AND effective_from = DATE '2022-06-01' AND value = 3180 AND unconfirmed)
    OR (key = 'mci' AND effective_from = DATE '2025-01-01' AND value = 3932 AND unconfirmed)
    OR (key = 'mci' AND effective_from = DATE '2026-01-01' AND value = 4325 AND unconfirmed)
    OR (key = 'local_content.exempt.branch_max_staff' AND effective_from = DATE '2025-01-01' AND value = 10)
    OR (key = 'local_content.exempt.small_business_max_staff' AND effective_from = DATE '2025-01-01' AND value = 20)
    OR (key = 'household.prepaid_tax_mci_per_month' AND effective_from = DATE '2025-01-01' AND effective_to IS NULL AND value = 4)
    OR (key = 'resettlement.certificate_max_kzt' AND effective_from = DATE '2025-01-01' AND value = 4200000)
    OR (key = 'kandas.status_valid_months' AND effective_from = DATE '2025-10-26' AND value = 12 AND NOT unconfirmed)
    OR (key IN ('offence.art517.fine_mci', 'offence.art518.fine_mci.small', 'offence.art518.fine_mci.medium', 'offence.art518.fine_mci.large')
        AND effective_from = DATE '2025-01-01');
