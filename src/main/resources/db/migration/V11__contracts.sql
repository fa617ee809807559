-- Module contracts (avtalsuppföljning, issue 18): the contract register, each follow-up and its deficiencies,
-- the escalation outcomes, and the contract's timeline. Contracts are public records (offentlighetsprincipen);
-- nothing here is about a person except the contract manager's user id and the supplier's contact address.
create table contract (
    id                  bigserial     primary key,
    number              varchar(40)   not null unique,
    title               varchar(300)  not null,
    supplier_name       varchar(300)  not null,
    organisation_number char(11)      not null,
    area                varchar(30)   not null,
    committee           varchar(40)   not null,
    strategic           boolean       not null,
    start_date          date          not null,
    end_date            date          not null,
    extended_to         date,
    contact_email       varchar(320)  not null,
    contract_manager    varchar(64)   not null,
    follow_up_interval  varchar(20)   not null,
    registered_at       timestamptz   not null,
    registered_by       varchar(64),
    terminated_on       date,
    check (end_date >= start_date),
    check (extended_to is null or extended_to >= end_date)
);

create table contract_follow_up (
    id                 bigserial     primary key,
    contract_id        bigint        not null references contract (id),
    started_at         timestamptz   not null,
    started_by         varchar(64),
    overall_result     varchar(10)   check (overall_result in ('OK', 'DEFICIENT')),
    performed_by       varchar(64),
    performed_at       timestamptz,
    action_plan_id     bigint        references action_plan (id),
    outcome            varchar(20),
    outcome_reason     text          check (length(outcome_reason) <= 5000),
    settlement_amount  numeric(14, 2),
    closed_at          timestamptz
);

create index contract_follow_up_by_contract on contract_follow_up (contract_id);

create table contract_deficiency (
    id            bigserial     primary key,
    follow_up_id  bigint        not null references contract_follow_up (id),
    position      integer       not null,
    area          varchar(100)  not null,
    description   text          not null check (length(description) <= 5000),
    unique (follow_up_id, position)
);

-- Every step of a follow-up: who, when, what. Written by the step itself, in its transaction.
create table contract_event (
    id            bigserial     primary key,
    contract_id   bigint        not null references contract (id),
    follow_up_id  bigint        references contract_follow_up (id),
    occurred_at   timestamptz   not null,
    actor         varchar(100)  not null,
    kind          varchar(40)   not null,
    details       text          check (length(details) <= 5000)
);

create index contract_event_by_contract on contract_event (contract_id, occurred_at);
