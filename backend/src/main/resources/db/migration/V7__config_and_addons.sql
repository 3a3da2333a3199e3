-- Config vars, their values encrypted (AES-GCM) by Slipway.
create table config_vars (
    id         bigint generated always as identity primary key,
    app_id     bigint        not null references apps (id) on delete cascade,
    key        varchar(255)  not null,
    value      text          not null,
    updated_at timestamptz   not null default now(),
    unique (app_id, key)
);

-- Who changed which keys, never the values.
create table config_changes (
    id         bigint generated always as identity primary key,
    app_id     bigint       not null references apps (id) on delete cascade,
    author     varchar(254) not null,
    set_keys   text         not null,
    unset_keys text         not null,
    created_at timestamptz  not null default now()
);
create index config_changes_app on config_changes (app_id, id desc);

-- Postgres add-ons: one database and role each on Slipway's add-on server; the password encrypted.
create table addons (
    id            bigint generated always as identity primary key,
    app_id        bigint       not null references apps (id) on delete cascade,
    name          varchar(64)  not null,
    plan          varchar(64)  not null,
    config_var    varchar(255) not null,
    database_name varchar(63)  not null unique,
    role_name     varchar(63)  not null unique,
    password      text         not null,
    created_at    timestamptz  not null default now(),
    unique (app_id, name)
);

-- The HTTP check a release's web dynos must pass (from app.json), as JSON.
alter table releases add column health_check text;
