-- Module statistics (issue 20, ADR 0016). The statistics module reads other modules' data only through the views
-- below: they name the columns it relies on and leave out every free text and personal datum. PostgreSQL refuses to
-- drop or retype a column a view uses, so a later migration of cases, deviations or surveys that would break the
-- statistics fails loudly instead of silently changing the figures.
create view statistics_case as
select c.id,
       c.type,
       c.category,
       c.channel,
       c.candidate_group,
       c.status,
       c.received_at,
       c.closed_at,
       (c.received_at at time zone 'Europe/Stockholm')::date as received_on,
       (c.closed_at at time zone 'Europe/Stockholm')::date   as closed_on,
       c.due_date,
       c.root_cause,
       c.forwarded_to is not null                             as forwarded,
       (c.contact_name is null and c.contact_email is null and c.contact_phone is null) as anonymous
from citizen_case c;

create view statistics_case_event as
select e.case_id, e.kind, e.occurred_at
from case_event e
where e.kind in ('REMINDED', 'ESCALATED_TO_MANAGER', 'ESCALATED_TO_PROCESS_OWNER');

create view statistics_survey as
select s.case_id, s.unit as candidate_group, s.category, s.answered_at, s.satisfied
from case_survey s
where s.answered_at is not null;

create view statistics_deviation as
select d.id, d.unit, d.reported_at, d.risk_level
from deviation d;

create view statistics_ivo_report as
select r.deviation_id, r.track, r.sent_on, d.unit
from deviation_ivo_report r
join deviation d on d.id = r.deviation_id;

-- The one working-day calendar (module slacalendar) as a table, written by the statistics module from that calendar
-- on every start: ordinal counts the working days from 2000-01-01 up to and including the day, so the working days in
-- (received, closed] are ordinal(closed) - ordinal(received), a join instead of a loop per case.
create table statistics_working_day (
    day     date    primary key,
    working boolean not null,
    ordinal integer not null
);

-- The aggregation filters by period on these (one year of 200,000 closed cases: docs/statistik.md, bench/).
create index citizen_case_received on citizen_case (received_at);
create index citizen_case_closed on citizen_case (closed_at) where closed_at is not null;
create index case_event_statistics on case_event (kind, occurred_at)
    where kind in ('REMINDED', 'ESCALATED_TO_MANAGER', 'ESCALATED_TO_PROCESS_OWNER');
create index deviation_reported on deviation (reported_at);
