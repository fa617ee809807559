-- Gallring: when personal data of a closed case was removed (null: not yet).
alter table citizen_case add column anonymised_at timestamptz;

create index citizen_case_due_for_retention on citizen_case (closed_at) where anonymised_at is null;
