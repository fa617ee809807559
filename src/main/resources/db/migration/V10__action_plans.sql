-- Module actionplans (handlingsplaner, issue 18): one mechanism for every plan of measures someone outside the
-- process owes the municipality. A plan belongs to an owner reference of a kind: a contract follow-up now
-- (CONTRACT_FOLLOW_UP), a unit's missed target later (the statistics issue); the owning module keeps the meaning.
create table action_plan (
    id               bigserial     primary key,
    owner_kind       varchar(40)   not null,
    owner_id         varchar(100)  not null,
    status           varchar(20)   not null check (status in ('REQUESTED', 'SUBMITTED', 'SENT_BACK', 'APPROVED',
                                                              'VERIFIED')),
    deadline         date          not null,
    requested_at     timestamptz   not null,
    submitted_at     timestamptz,
    review_comments  text          check (length(review_comments) <= 5000),
    reviewed_by      varchar(64),
    reviewed_at      timestamptz,
    follow_up_on     date,
    revisions        integer       not null default 0
);

create index action_plan_owner on action_plan (owner_kind, owner_id);

-- What must be remedied (one row per deficiency the owner named) and the measure the plan's author proposes.
create table action_plan_measure (
    id            bigserial     primary key,
    plan_id       bigint        not null references action_plan (id),
    position      integer       not null,
    area          varchar(100)  not null,
    deficiency    text          not null check (length(deficiency) <= 5000),
    measure       text          check (length(measure) <= 5000),
    responsible   varchar(200),
    due_on        date,
    remedied      boolean,
    verified_by   varchar(64),
    verified_at   timestamptz,
    unique (plan_id, position)
);
