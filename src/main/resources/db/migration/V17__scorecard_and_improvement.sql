-- Module statistics (issue 20): the styrkort. Per unit and year, goals; each goal has key figures, each either one
-- of our measures (statistics.Measure, by name) or an imported Kolada KPI, with a target and a direction.
create table scorecard_goal (
    id         bigserial    primary key,
    unit       varchar(40)  not null,
    year       integer      not null check (year between 2000 and 2100),
    title      varchar(200) not null,
    created_by varchar(100) not null,
    created_at timestamptz  not null
);
create index scorecard_goal_unit_year on scorecard_goal (unit, year);

-- outcome, actual and settled_at are written once, by the first run after the year's end that finds a value (a
-- Kolada KPI may have none until Kolada publishes it); a NOT_MET key figure gets its one action plan in the same
-- transaction, under the row's lock, so no rerun and no second node starts another.
create table scorecard_key_figure (
    id             bigserial   primary key,
    goal_id        bigint      not null references scorecard_goal (id) on delete cascade,
    measure        varchar(60),
    kpi            varchar(20),
    target         numeric     not null,
    direction      varchar(8)  not null check (direction in ('AT_LEAST', 'AT_MOST')),
    outcome        varchar(8)  check (outcome in ('MET', 'NOT_MET')),
    actual         numeric,
    settled_at     timestamptz,
    action_plan_id bigint      unique,
    check ((measure is null) <> (kpi is null)),
    check ((outcome is null) = (settled_at is null)),
    check (action_plan_id is null or outcome = 'NOT_MET')
);
create index scorecard_key_figure_goal on scorecard_key_figure (goal_id);
create index scorecard_key_figure_unsettled on scorecard_key_figure (goal_id) where outcome is null;

-- The improvement view reads the cases behind a root cause through this view (ADR 0016): reference, type, category,
-- root cause and dates, no free text and no personal data.
create view statistics_improvement_case as
select c.id,
       c.reference,
       c.type,
       c.category,
       c.root_cause,
       c.candidate_group,
       c.status,
       (c.received_at at time zone 'Europe/Stockholm')::date as received_on,
       (c.closed_at at time zone 'Europe/Stockholm')::date   as closed_on
from citizen_case c;
