-- Module open311: one key per client application (FixaMinGata, SeeClickFix, ...). Only the key's SHA-256 is
-- kept: the key itself is shown once, when an administrator creates it. A revoked key stays, so that cases
-- keep naming the app they came from.
create table open311_api_key (
    id          bigserial    primary key,
    name        varchar(100) not null,
    key_hash    char(64)     not null unique,
    created_at  timestamptz  not null,
    created_by  varchar(64)  not null,
    revoked_at  timestamptz,
    revoked_by  varchar(64)
);

-- Which client application sent a case (channel OPEN311), and the photo link it sent with it.
alter table citizen_case add column source_app varchar(100);
alter table citizen_case add column media_url varchar(2000);

-- GET /open311/v2/requests lists fault reports by date, newest first.
create index citizen_case_by_type_received on citizen_case (type, received_at desc);
