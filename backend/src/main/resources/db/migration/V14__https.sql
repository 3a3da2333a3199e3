-- What an app asks of HTTPS; an app without a row has the defaults (redirect on, HSTS off).
create table https_settings (
    app_id   bigint  primary key references apps (id) on delete cascade,
    redirect boolean not null,
    hsts     boolean not null
);

-- One certificate per hostname the router serves: issued by the ACME CA, or uploaded by the app's
-- owner. app_id is null for Slipway's own hostname. The private key is encrypted like every secret.
create table certificates (
    id              bigint generated always as identity primary key,
    app_id          bigint        references apps (id) on delete cascade,
    hostname        varchar(253)  not null unique,
    source          varchar(16)   not null,
    status          varchar(16)   not null,
    chain_pem       text,
    private_key     text,
    not_before      timestamptz,
    not_after       timestamptz,
    problem         varchar(2000),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    updated_at      timestamptz   not null
);
create index certificates_app on certificates (app_id);

-- The ACME account of each CA directory Slipway has used; its key is encrypted like every secret.
create table acme_accounts (
    directory_url varchar(2000) primary key,
    location      varchar(2000) not null,
    key_pair      text          not null
);
