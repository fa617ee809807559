-- Module qualitypayment (kvalitetspeng and jämföraren, issue 19): the providers' indicator results per tertial,
-- each period of an area with its status and payment decision, and the computed payment per provider. Results are
-- about providers and units, never about a person: no personal data here.
create table quality_result (
    id               bigserial     primary key,
    period           char(7)       not null,
    area             varchar(30)   not null,
    provider         varchar(300)  not null,
    contract_number  varchar(40),
    indicator        varchar(40)   not null,
    value            numeric(12,2) not null,
    performed_hours  numeric(12,2) not null check (performed_hours >= 0),
    source           varchar(300)  not null,
    registered_at    timestamptz   not null,
    registered_by    varchar(64),
    corrected_at     timestamptz,
    corrected_by     varchar(64),
    unique (period, provider, indicator)
);

create index quality_result_period_area on quality_result (period, area);

create table quality_period (
    id                   bigserial    primary key,
    period               char(7)      not null,
    area                 varchar(30)  not null,
    status               varchar(20)  not null check (status in ('COLLECTING', 'COMPUTED', 'APPROVED')),
    started_at           timestamptz  not null,
    started_by           varchar(64),
    computed_at          timestamptz,
    decision_number      varchar(40),
    approved_at          timestamptz,
    approved_by          varchar(64),
    unique (period, area)
);

create table quality_payment (
    period_id        bigint        not null references quality_period (id),
    provider         varchar(300)  not null,
    contract_number  varchar(40),
    level            integer       not null,
    rate_per_hour    numeric(12,2) not null,
    performed_hours  numeric(12,2) not null,
    amount           numeric(14,2) not null,
    primary key (period_id, provider)
);
