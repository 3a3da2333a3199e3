-- Custom domains an app answers to, besides <app>.<base-domain>.
create table domains (
    id         bigint generated always as identity primary key,
    app_id     bigint       not null references apps (id) on delete cascade,
    hostname   varchar(253) not null unique,
    created_at timestamptz  not null default now()
);
create index domains_app on domains (app_id);
