-- Module escalation: each reminder or escalation happens at most once per escalated thing (its reference),
-- level and due date. A timer that fires again (a re-route restarts the handling, a restart finds a past date,
-- a job runs twice after its lock expired) finds its row and mails nobody; the unique key also holds when two
-- nodes run the same timer at once (the second insert waits for the first and then does nothing).
create table escalation_mark (
    id         bigserial    primary key,
    reference  varchar(64)  not null,
    level      varchar(20)  not null,
    due_date   date         not null,
    marked_at  timestamptz  not null,
    unique (reference, level, due_date)
);

-- Until now the mark lived on the case ('MANAGER@2026-05-12', the highest level reached for that due date).
insert into escalation_mark (reference, level, due_date, marked_at)
select reference, split_part(escalation_level, '@', 1), split_part(escalation_level, '@', 2)::date, now()
from citizen_case
where escalation_level ~ '^[A-Z_]+@\d{4}-\d{2}-\d{2}$';
