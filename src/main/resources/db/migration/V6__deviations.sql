-- Module deviations (avvikelser, issue 17). Everything a staff member or a manager writes about a deviation lives
-- here, not in the engine: it can be sensitive (OSL 26 kap.), and managers of every unit may read process variables
-- (ADR 0004). The process carries the reference (its business key), the unit's groups, dates and levels.
create table deviation (
    id                       bigserial     primary key,
    reference                varchar(20)   not null unique,
    area                     varchar(40)   not null,
    unit                     varchar(40)   not null,
    manager_group            varchar(64)   not null,
    occurred_at              timestamptz   not null,
    reported_at              timestamptz   not null,
    reported_by              varchar(64),
    place                    varchar(300)  not null,
    description              text          not null check (length(description) <= 5000),
    immediate_measures       text          check (length(immediate_measures) <= 5000),
    affected_person_ref      varchar(100),
    status                   varchar(30)   not null,
    consequence              smallint      check (consequence between 1 and 4),
    likelihood               smallint      check (likelihood between 1 and 4),
    risk_level               varchar(20),
    lex_sarah                boolean,
    lex_maria                boolean,
    assessed_by              varchar(64),
    assessed_at              timestamptz,
    lex_sarah_investigation  text,
    lex_sarah_serious        boolean,
    lex_sarah_serious_reason text,
    lex_maria_investigation  text,
    root_cause_category      varchar(40),
    root_cause               text,
    measures                 text,
    measure_owner            varchar(200),
    measure_due_on           date,
    follow_ups               integer       not null default 0,
    measure_effective        boolean,
    learning_summary         text,
    closed_at                timestamptz
);

create index deviation_open_by_unit on deviation (unit) where closed_at is null;

-- Each report to IVO: the system does not talk to IVO, the officer records when, by whom and IVO's reference.
create table deviation_ivo_report (
    id             bigserial    primary key,
    deviation_id   bigint       not null references deviation (id),
    track          varchar(10)  not null check (track in ('LEX_SARAH', 'LEX_MARIA')),
    sent_on        date         not null,
    sent_by        varchar(200) not null,
    ivo_reference  varchar(100) not null,
    recorded_by    varchar(64),
    recorded_at    timestamptz  not null,
    unique (deviation_id, track)
);
