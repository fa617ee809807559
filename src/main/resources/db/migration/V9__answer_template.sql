-- Svarsmallar: standard texts per category and step that officers pick, fill in and edit in Tasklist. Placeholders
-- {referens} {inkom} {enhet} {handläggare} are replaced when the task offers them; the mailed text is the officer's.
create table answer_template (
    id          bigserial    primary key,
    category    varchar(40)  not null references category (code),
    step        varchar(30)  not null check (step in ('FEEDBACK', 'SUPPLEMENT_REQUEST', 'FORWARDED', 'DUPLICATE_LINKED')),
    title       varchar(100) not null,
    text_sv     text         not null check (length(text_sv) <= 4000),
    text_en     text         not null check (length(text_en) <= 4000),
    active      boolean      not null default true,
    sort_order  integer      not null default 0,
    updated_at  timestamptz  not null,
    updated_by  varchar(64)  not null,
    version     integer      not null default 0
);

create index answer_template_offered on answer_template (category, step, sort_order) where active;

insert into answer_template (category, step, title, text_sv, text_en, sort_order, updated_at, updated_by) values
    ('ELDERLY_CARE', 'FEEDBACK', 'Tack, vi har åtgärdat',
     'Tack för att du hörde av dig om ärende {referens}, som kom in {inkom}. Vi har gått igenom det du berättade och gjort följande: …' || chr(10) || chr(10) || 'Hälsningar' || chr(10) || '{handläggare}, {enhet}',
     'Thank you for contacting us about case {referens}, received {inkom}. We have looked into what you told us and done the following: …' || chr(10) || chr(10) || 'Kind regards' || chr(10) || '{handläggare}, {enhet}',
     10, now(), 'system'),
    ('ELDERLY_CARE', 'SUPPLEMENT_REQUEST', 'Vilket datum och vilken tid?',
     'För att kunna utreda ärende {referens} behöver vi veta vilket datum och ungefär vilken tid det gällde.',
     'To investigate case {referens} we need to know the date and approximate time it concerned.',
     10, now(), 'system'),
    ('STREET_LIGHT', 'FEEDBACK', 'Lampan är lagad',
     'Tack för din felanmälan {referens} från {inkom}. Vi har nu lagat belysningen.' || chr(10) || chr(10) || '{handläggare}, {enhet}',
     'Thank you for your fault report {referens} of {inkom}. We have now repaired the lighting.' || chr(10) || chr(10) || '{handläggare}, {enhet}',
     10, now(), 'system'),
    ('POTHOLE', 'FORWARDED', 'Statlig väg – Trafikverket',
     'Vägen i ärende {referens} sköts av Trafikverket, inte av kommunen. Vi har skickat ditt ärende vidare till dem.',
     'The road in case {referens} is maintained by the Swedish Transport Administration, not the municipality. We have passed your case on to them.',
     10, now(), 'system');
