-- Module statistics (issue 20): the rounds of a missed key figure's handlingsplan. Round 1 is the plan the year end
-- requested; when the follow-up finds the deficiency not remedied, the unit is asked for a new plan, the next round
-- (up to kvalitet.statistics.scorecard.max-plan-rounds). Each round is its own plan in the action-plan mechanism;
-- this table ties them to the key figure, whose action_plan_id names the current round's plan. The unique pair makes
-- a retried step unable to request a round twice.
create table scorecard_plan_round (
    action_plan_id bigint      primary key,
    key_figure_id  bigint      not null references scorecard_key_figure (id) on delete cascade,
    round_number   integer     not null check (round_number >= 1),
    requested_at   timestamptz not null,
    unique (key_figure_id, round_number)
);

insert into scorecard_plan_round (action_plan_id, key_figure_id, round_number, requested_at)
select action_plan_id, id, 1, settled_at from scorecard_key_figure where action_plan_id is not null;
