create table apps (
    id         bigint generated always as identity primary key,
    name       varchar(30) not null unique,
    owner_id   bigint      not null references users (id),
    created_at timestamptz not null default now()
);
