-- The service directory (palveluhakemisto): what each organisation offers, for whom and how soon. Maintained by
-- the organisation's own unit lead; searched when a professional looks for where to refer, and checked when a
-- decline suggests another recipient. No client data.
create table service_offering (
    id                uuid         primary key,
    organisation_oid  varchar(64)  not null,
    sector            text         not null,
    name              varchar(200) not null,
    categories        text         not null,  -- need categories served, comma-separated codes
    municipality      varchar(3)   not null,  -- Statistics Finland municipality code
    languages         text         not null,  -- fi, sv, en, se (northern Sami), comma-separated
    capacity          text         not null,  -- YES, NO, WAITLIST
    wait_band         text,                   -- with WAITLIST: UNDER_2_WEEKS, 2_TO_6_WEEKS, OVER_6_WEEKS
    active            boolean      not null,
    version           bigint       not null,
    updated_at        timestamptz  not null
);
create index service_offering_municipality on service_offering (municipality) where active;
create index service_offering_organisation on service_offering (organisation_oid);
