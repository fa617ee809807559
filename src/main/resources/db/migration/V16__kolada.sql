-- Module statistics (issue 20): Kolada figures uploaded by a process owner for this municipality and its chosen peers
-- (kvalitet.statistics.kolada), in Kolada API v3's shape, one row per KPI, municipality, year and gender (T, K, M).
-- A new upload of the same KPI, municipality, year and gender replaces the old value.
create table kolada_value (
    kpi          varchar(20)  not null,
    municipality varchar(4)   not null,
    period       integer      not null,
    gender       char(1)      not null check (gender in ('T', 'K', 'M')),
    value        numeric,
    count        integer,
    status       varchar(40),
    imported_at  timestamptz  not null,
    imported_by  varchar(100) not null,
    primary key (kpi, municipality, period, gender)
);

-- Which of our own measures a Kolada KPI is compared with (statistics.Measure, by name); kept by a process owner or
-- an administrator.
create table kolada_mapping (
    kpi       varchar(20)  primary key,
    measure   varchar(60)  not null,
    title     varchar(200) not null,
    mapped_by varchar(100) not null,
    mapped_at timestamptz  not null
);
