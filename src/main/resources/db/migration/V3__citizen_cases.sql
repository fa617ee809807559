-- Synpunkter and felanmälan. Free text lives here, not in the engine (its string variables stop at 4,000
-- characters); the process instance carries only the reference (also its business key) and routing facts.
create table category (
    code       varchar(40)  primary key,
    kind       varchar(20)  not null check (kind in ('FEEDBACK', 'FAULT_REPORT')),
    label_sv   varchar(100) not null,
    label_en   varchar(100) not null,
    sort_order integer      not null
);

insert into category (code, kind, label_sv, label_en, sort_order) values
    ('STREETS_PARKS',      'FEEDBACK',     'Gator, parker och trafik',           'Streets, parks and traffic',          10),
    ('ELDERLY_CARE',       'FEEDBACK',     'Äldreomsorg och hemtjänst',          'Elderly care and home care',          20),
    ('DISABILITY_SUPPORT', 'FEEDBACK',     'Stöd till personer med funktionsnedsättning', 'Disability support',     30),
    ('SCHOOL',             'FEEDBACK',     'Förskola och skola',                 'Preschool and school',                40),
    ('SCHOOL_TRANSPORT',   'FEEDBACK',     'Skolskjuts',                         'School transport',                    50),
    ('CULTURE_LEISURE',    'FEEDBACK',     'Kultur, bibliotek och fritid',       'Culture, libraries and leisure',      60),
    ('OTHER',              'FEEDBACK',     'Övrigt',                             'Other',                               90),
    ('STREET_LIGHT',       'FAULT_REPORT', 'Gatubelysning',                      'Street lighting',                    110),
    ('POTHOLE',            'FAULT_REPORT', 'Hål eller skador i vägen',           'Pothole or road damage',             120),
    ('WINTER_ROAD',        'FAULT_REPORT', 'Snöröjning och halka',               'Snow clearing and ice',              130),
    ('PLAYGROUND',         'FAULT_REPORT', 'Lekplats',                           'Playground',                         140),
    ('GRAFFITI',           'FAULT_REPORT', 'Klotter och skadegörelse',           'Graffiti and vandalism',             150),
    ('LITTER',             'FAULT_REPORT', 'Nedskräpning',                       'Litter',                             160);

create table citizen_case (
    id                bigserial    primary key,
    reference         varchar(20)  not null unique,
    type              varchar(20)  not null,
    category          varchar(40)  not null references category (code),
    description       text         not null check (length(description) <= 5000),
    address           varchar(300),
    latitude          double precision,
    longitude         double precision,
    contact_name      varchar(200),
    contact_email     varchar(254),
    contact_phone     varchar(40),
    language          varchar(2)   not null,
    channel           varchar(20)  not null,
    received_at       timestamptz  not null,
    registered_at     timestamptz  not null,
    registered_by     varchar(64),
    status            varchar(30)  not null,
    candidate_group   varchar(64),
    manager_group     varchar(64),
    priority          varchar(10),
    due_date          date,
    findings          text,
    measures          text,
    root_cause        varchar(40),
    feedback          text,
    forwarded_to      varchar(200),
    linked_reference  varchar(20),
    escalation_level  varchar(40),
    closed_at         timestamptz,
    idempotency_key   varchar(200) unique,
    request_hash      varchar(64),
    version           integer      not null default 0
);

-- The duplicate check looks for open fault reports of a category; officers list their unit's open cases.
create index citizen_case_open_by_category on citizen_case (type, category) where closed_at is null;
create index citizen_case_open_by_group on citizen_case (candidate_group, due_date) where closed_at is null;

create table case_event (
    id          bigserial    primary key,
    case_id     bigint       not null references citizen_case (id) on delete cascade,
    occurred_at timestamptz  not null,
    kind        varchar(40)  not null,
    actor       varchar(64),
    detail      text
);

create index case_event_by_case on case_event (case_id, occurred_at);

create table case_attachment (
    id           bigserial    primary key,
    case_id      bigint       not null references citizen_case (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    content      bytea        not null,
    uploaded_at  timestamptz  not null,
    uploaded_by  varchar(64)  not null
);
