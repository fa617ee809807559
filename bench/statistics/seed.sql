-- Scenario of issue 20 (docs/statistik.md): 200,000 closed and 5,000 open cases over 2025 spread over the units and
-- categories, for timing GET /api/statistics?from=2025-01-01&to=2025-12-31 (all units, as a process owner).
-- Run against a bench database only:  psql -f bench/statistics/seed.sql ; then e.g.
--   curl -s -o /dev/null -w '%{time_total}\n' -u per:… 'localhost:8080/api/statistics?from=2025-01-01&to=2025-12-31'
-- (warm up first, take the median of 20). Figures: docs/statistik.md, "Performance".
insert into app.citizen_case (reference, type, category, description, language, channel, received_at,
    registered_at, status, candidate_group, manager_group, due_date, root_cause, closed_at)
select 'BENCH-' || n,
       (array['COMPLAINT','SUGGESTION','PRAISE','QUESTION'])[1 + n % 4],
       (array['ELDERLY_CARE','SCHOOL','STREETS_PARKS','OTHER'])[1 + n % 4],
       'Bench.', 'sv', (array['WEB','EMAIL','API'])[1 + n % 3],
       timestamptz '2025-01-01 08:00+01' + (n % 360) * interval '1 day',
       timestamptz '2025-01-01 08:00+01' + (n % 360) * interval '1 day',
       case when n <= 200000 then 'CLOSED' else 'IN_PROGRESS' end,
       (array['streetsOfficers','careOfficers','educationOfficers','serviceOfficers'])[1 + n % 4],
       (array['streetsManagers','careManagers','educationManagers','serviceManagers'])[1 + n % 4],
       date '2025-01-15' + (n % 360),
       (array[null,'ROUTINE_MISSING','COMMUNICATION'])[1 + n % 3],
       case when n <= 200000 then timestamptz '2025-01-01 15:00+01' + (n % 360 + n % 17) * interval '1 day' end
from generate_series(1, 205000) n;
analyze app.citizen_case;
