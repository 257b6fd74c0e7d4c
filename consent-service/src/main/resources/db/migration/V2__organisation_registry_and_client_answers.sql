-- The organisation registry (DESIGN §7): sectors come from here, never from a request body. Every
-- change bumps version and is announced as organisation-changed (keyed by OID) for the replicas.
create table organisation (
    oid          varchar(64) primary key,
    name         text        not null,
    sector       text        not null,
    municipality varchar(3)  not null,
    active       boolean     not null,
    version      bigint      not null,
    updated_at   timestamptz not null
);
create index organisation_sector on organisation (sector, municipality);

-- The client records answers too (POST /me/consents): then no organisation recorded it.
alter table consent alter column recorded_by_organisation drop not null;
