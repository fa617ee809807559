-- Nöjdhetsenkät: one row per feedback e-mail that carried a survey link. The link's token is never stored, only
-- its SHA-256, so a database dump gives no working links. An answer is stored once (answered_at); the unit and
-- category are kept as they were when the citizen answered, for statistics that survive a later re-route.
create table case_survey (
    id              bigserial    primary key,
    case_id         bigint       not null references citizen_case (id) on delete cascade,
    token_hash      varchar(64)  not null unique,
    sent_at         timestamptz  not null,
    valid_until     timestamptz  not null,
    answered_at     timestamptz,
    satisfied       boolean,
    reasons         varchar(500),
    reopening_asked boolean,
    answer_text     text         check (length(answer_text) <= 2000),
    contact_allowed boolean,
    unit            varchar(64),
    category        varchar(40),
    check ((answered_at is null) = (satisfied is null))
);

create index case_survey_by_case on case_survey (case_id);
-- Statistics: share satisfied per unit, category and period.
create index case_survey_answered on case_survey (answered_at, unit, category) where answered_at is not null;
