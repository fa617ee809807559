-- Module escalation: escalations waiting to be mailed together. A manager whose unit has many overdue cases gets
-- one mail per bundle window listing them, not one per case (kvalitet.escalation.bundle-window). A notice is written
-- in the escalating job's transaction, so it is kept exactly when the escalation is; it is deleted in the
-- transaction that mails its bundle (app.sent_mail keeps that record), so a failed mail keeps it for the next try.
create table escalation_notice (
    id              bigserial    primary key,
    recipient       varchar(320) not null,
    recipient_name  varchar(200),
    reference       varchar(64)  not null,
    kind            varchar(100) not null,
    level           varchar(20)  not null,
    due_date        date         not null,
    task_url        varchar(500) not null,
    noticed_at      timestamptz  not null,
    unique (reference, level, due_date, recipient)
);

create index escalation_notice_recipient on escalation_notice (recipient, noticed_at);
