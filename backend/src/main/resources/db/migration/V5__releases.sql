create table releases (
    id            bigint generated always as identity primary key,
    app_id        bigint       not null references apps (id) on delete cascade,
    version       integer      not null,
    status        varchar(16)  not null,
    build_id      bigint       references builds (id) on delete set null,
    commit_sha    varchar(40),
    buildpack     varchar(64),
    image_id      varchar(100) not null,
    image_tag     varchar(200) not null,
    process_types text         not null,
    config        text         not null,
    description   text         not null,
    author        varchar(254) not null,
    failure       text,
    created_at    timestamptz  not null default now(),
    unique (app_id, version)
);
