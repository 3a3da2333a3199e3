-- SSH public keys, a second way to push: a key belongs to one user, found by its SHA-256 fingerprint.
create table ssh_keys (
    id           bigint generated always as identity primary key,
    user_id      bigint        not null references users (id) on delete cascade,
    name         varchar(100)  not null,
    fingerprint  varchar(64)   not null unique,
    public_key   varchar(16384) not null,
    created_at   timestamptz   not null default now(),
    last_used_at timestamptz
);
create index ssh_keys_user on ssh_keys (user_id);
