-- 0008 rule values as the law has them (docs/rules.md, "What changed and why"). The permit fee table is versioned by
-- effective date and priced by fee sector group: the old table (invented rates by OKED section) is dropped and the
-- seeder loads the new one; stored fees keep the amounts they were computed with and now record their rate version.
-- Offences record the provision, the offender's business size and the version of the fine applied.
-- Rule values the earlier release shipped wrong are deleted where they still hold the shipped value (an administrator's
-- edit is kept), so that the seeder loads the corrected periods.
DROP TABLE "ref_permit_fee_rates";
CREATE TABLE "ref_permit_fee_rates" (
    "category" TEXT NOT NULL,
    "sector_group" TEXT NOT NULL,
    "term_months_max" INTEGER NOT NULL,
    "effective_from" TEXT NOT NULL,
    "fee_mci" INTEGER NOT NULL,
    "unconfirmed" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    CONSTRAINT "pk_ref_permit_fee_rates" PRIMARY KEY ("category", "sector_group", "term_months_max", "effective_from")
);
CREATE TABLE "ref_fee_sector_groups" (
    "oked_section" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    "sector_group" TEXT NOT NULL,
    "unconfirmed" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "pk_ref_fee_sector_groups" PRIMARY KEY ("oked_section", "effective_from")
);
ALTER TABLE "permits_applications" ADD COLUMN "fee_rule_version" TEXT NULL;
ALTER TABLE "compliance_offences" ADD COLUMN "provision" TEXT NULL;
ALTER TABLE "compliance_offences" ADD COLUMN "offender_size" TEXT NULL;
ALTER TABLE "compliance_offences" ADD COLUMN "fine_rule_version" TEXT NULL;
DELETE FROM "ref_rule_values" WHERE
    ("key" = 'mci' AND "effective_from" = '2020-01-01' AND "effective_to" = '2020-12-31' AND CAST("value" AS REAL) = 2651)
    OR ("key" = 'mci' AND "effective_from" = '2022-01-01' AND "effective_to" = '2022-05-31' AND CAST("value" AS REAL) = 3063)
    OR ("key" = 'mci' AND "effective_from" = '2022-06-01' AND CAST("value" AS REAL) = 3180 AND "unconfirmed" = 1)
    OR ("key" = 'mci' AND "effective_from" = '2025-01-01' AND CAST("value" AS REAL) = 3932 AND "unconfirmed" = 1)
    OR ("key" = 'mci' AND "effective_from" = '2026-01-01' AND CAST("value" AS REAL) = 4325 AND "unconfirmed" = 1)
    OR ("key" = 'local_content.exempt.branch_max_staff' AND "effective_from" = '2025-01-01' AND CAST("value" AS REAL) = 10)
    OR ("key" = 'local_content.exempt.small_business_max_staff' AND "effective_from" = '2025-01-01' AND CAST("value" AS REAL) = 20)
    OR ("key" = 'household.prepaid_tax_mci_per_month' AND "effective_from" = '2025-01-01' AND "effective_to" IS NULL AND CAST("value" AS REAL) = 4)
    OR ("key" = 'resettlement.certificate_max_kzt' AND "effective_from" = '2025-01-01' AND CAST("value" AS REAL) = 4200000)
    OR ("key" = 'kandas.status_valid_months' AND "effective_from" = '2025-10-26' AND CAST("value" AS REAL) = 12 AND "unconfirmed" = 0)
    OR ("key" IN ('offence.art517.fine_mci', 'offence.art518.fine_mci.small', 'offence.art518.fine_mci.medium', 'offence.art518.fine_mci.large')
        AND "effective_from" = '2025-01-01');
