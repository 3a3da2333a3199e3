create table users (
    id            bigint generated always as identity primary key,
    email         varchar(254) not null unique,
    password_hash varchar(255) not null,
    admin         boolean      not null default false,
    created_at    timestamptz  not null default now()
);

-- Tokens are stored as SHA-256 hashes; the prefix lets a user recognise a token in a list.
create table api_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references users (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    token_prefix varchar(16)  not null,
    created_at   timestamptz  not null default now(),
    last_used_at timestamptz
);
create index api_tokens_user on api_tokens (user_id);
