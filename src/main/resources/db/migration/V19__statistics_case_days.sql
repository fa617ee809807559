-- Module statistics (issue 20): the municipal calendar day a case came in and was closed, computed once when the row
-- is written instead of on every statistics query. Converting 200,000 timestamps to Europe/Stockholm took about
-- 200 ms per pass, and /api/statistics makes several passes (bench/statistics: 1.5 s for a year, target 300 ms).
-- Generated columns: nobody writes them, so they cannot disagree with received_at and closed_at.
alter table citizen_case
    add column received_day date generated always as ((received_at at time zone 'Europe/Stockholm')::date) stored,
    add column closed_day   date generated always as ((closed_at at time zone 'Europe/Stockholm')::date) stored;

create or replace view statistics_case as
select c.id,
       c.type,
       c.category,
       c.channel,
       c.candidate_group,
       c.status,
       c.received_at,
       c.closed_at,
       c.received_day                                         as received_on,
       c.closed_day                                           as closed_on,
       c.due_date,
       c.root_cause,
       c.forwarded_to is not null                             as forwarded,
       (c.contact_name is null and c.contact_email is null and c.contact_phone is null) as anonymous
from citizen_case c;
