create table builds (
    id            bigint generated always as identity primary key,
    app_id        bigint       not null references apps (id) on delete cascade,
    status        varchar(16)  not null,
    commit_sha    varchar(40)  not null,
    buildpack     varchar(64),
    created_by    varchar(254) not null,
    created_at    timestamptz  not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    image_id      varchar(100),
    image_tag     varchar(200),
    process_types text,
    failure       text
);
create index builds_app on builds (app_id, id desc);

-- Each line of a build's output, as the push showed it; written in batches while the build runs.
create table build_output (
    build_id bigint  not null references builds (id) on delete cascade,
    line_no  integer not null,
    line     text    not null,
    primary key (build_id, line_no)
);

-- The buildpack an app forces instead of detection.
create table app_buildpacks (
    app_id    bigint primary key references apps (id) on delete cascade,
    buildpack varchar(64) not null
);
