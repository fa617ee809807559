-- One counter per reference series and year (SYN-2026-..., FEL-2026-...).
create table reference_counter (
    prefix     varchar(5) not null,
    year       integer    not null,
    last_value bigint     not null,
    primary key (prefix, year)
);
