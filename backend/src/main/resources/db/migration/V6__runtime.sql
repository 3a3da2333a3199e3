-- How many dynos of each process type an app runs, and how big.
create table formations (
    id           bigint generated always as identity primary key,
    app_id       bigint      not null references apps (id) on delete cascade,
    process_type varchar(64) not null,
    quantity     integer     not null,
    size         varchar(32) not null,
    unique (app_id, process_type)
);

-- What runs for each app: the release the runtime rolled out last, as it needs it to scale and restart.
create table deployments (
    app_id          bigint primary key references apps (id) on delete cascade,
    release_version integer      not null,
    image           varchar(200) not null,
    process_types   text         not null,
    env             text         not null,
    boot_timeout_s  integer      not null,
    health_check    text,
    deployed_at     timestamptz  not null default now()
);
