-- Candidate indexes for the Tasklist group filter (docs/performance.md). The benchmark measures the filter,
-- applies these to the benchmark database, and measures again ("group filter + cand. indexes").
-- Camunda's tables live in schema public and are not Flyway's (Flyway owns only schema app).
create index if not exists kv_idx_task_due_date on act_ru_task (due_date_);
create index if not exists kv_idx_ident_lnk_group_type on act_ru_identitylink (group_id_, type_, task_id_);
