-- Module awards (kvalitetsutmärkelse and innovationspris, issue 25): the yearly call with its categories and weighted
-- criteria, the applications (a text per criterion, attachments in the database, the consent to share), the jury
-- with its declared conflicts of interest, the scores and the decision with the jury's motivation per winner.
-- Applicants are providers and units; the contact person's name and e-mail are the only personal data.
create table award_call (
    id            bigserial    primary key,
    reference     varchar(20)  not null unique,
    year          int          not null,
    closing_date  date         not null,
    status        varchar(20)  not null check (status in ('OPEN', 'CLOSED', 'DECIDED')),
    opened_at     timestamptz  not null,
    opened_by     varchar(64)  not null,
    decided_at    timestamptz,
    decided_by    varchar(64)
);

create table award_category (
    call_id   bigint       not null references award_call (id),
    position  int          not null,
    code      varchar(20)  not null,
    name      varchar(200) not null,
    primary key (call_id, code)
);

create table award_criterion (
    call_id   bigint       not null references award_call (id),
    position  int          not null,
    code      varchar(20)  not null,
    title     varchar(200) not null,
    weight    int          not null check (weight between 1 and 10),
    primary key (call_id, code)
);

create table award_application (
    id             bigserial    primary key,
    call_id        bigint       not null references award_call (id),
    status         varchar(20)  not null check (status in ('DRAFT', 'SUBMITTED')),
    -- The applicant's personal link to a draft; cleared once submitted.
    draft_token    varchar(64)  unique,
    reference      varchar(20)  unique,
    applicant      varchar(200) not null,
    contact_name   varchar(200),
    contact_email  varchar(200) not null,
    category       varchar(20),
    area           varchar(40),
    share_allowed  boolean      not null default false,
    started_at     timestamptz  not null,
    submitted_at   timestamptz,
    reminded_at    timestamptz,
    check (status = 'DRAFT' or reference is not null)
);

create index award_application_call on award_application (call_id, status);

create table award_answer (
    application_id  bigint        not null references award_application (id) on delete cascade,
    criterion       varchar(20)   not null,
    text            varchar(10000) not null,
    primary key (application_id, criterion)
);

create table award_attachment (
    id              bigserial     primary key,
    application_id  bigint        not null references award_application (id) on delete cascade,
    file_name       varchar(255)  not null,
    content_type    varchar(100)  not null,
    content         bytea         not null
);

create table award_jury_member (
    call_id  bigint       not null references award_call (id),
    member   varchar(64)  not null,
    primary key (call_id, member)
);

create table award_conflict (
    call_id      bigint       not null references award_call (id),
    member       varchar(64)  not null,
    application  varchar(20)  not null references award_application (reference),
    declared_at  timestamptz  not null,
    primary key (call_id, member, application)
);

create table award_score (
    call_id      bigint        not null references award_call (id),
    member       varchar(64)   not null,
    application  varchar(20)   not null references award_application (reference),
    criterion    varchar(20)   not null,
    value        int           not null check (value between 1 and 5),
    comment      varchar(4000) not null,
    scored_at    timestamptz   not null,
    primary key (call_id, member, application, criterion)
);

create table award_winner (
    call_id      bigint        not null references award_call (id),
    position     int           not null,
    application  varchar(20)   not null references award_application (reference),
    motivation   varchar(4000) not null,
    primary key (call_id, application)
);
