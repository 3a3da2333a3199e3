-- Every log line of every app: its dynos, the router, builds and the platform, in order per app.
create table log_lines (
    app_id  bigint      not null references apps (id) on delete cascade,
    seq     bigint      not null,
    at      timestamptz not null,
    source  varchar(8)  not null,
    process varchar(64) not null,
    text    text        not null,
    primary key (app_id, seq)
);
create index log_lines_at on log_lines (at);

-- How far each container's Docker log has been stored, so a restart resumes without gap or duplicate:
-- the Docker timestamp (nanoseconds) of the last stored line, and how many stored lines had exactly it.
create table log_cursors (
    container_id  varchar(64) primary key,
    last_at       varchar(40) not null,
    lines_at_last integer     not null,
    updated_at    timestamptz not null default now()
);
