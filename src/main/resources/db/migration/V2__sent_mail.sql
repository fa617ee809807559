-- One row per mail sent, keyed by the caller's idempotency key (e.g. SYN-2026-000001/acknowledgement).
-- The row is inserted in the same transaction as the sending job, so a retried job never mails twice.
create table sent_mail (
    idempotency_key varchar(200) primary key,
    recipient       text         not null,
    template        text         not null,
    subject         text         not null,
    sent_at         timestamptz  not null
);
