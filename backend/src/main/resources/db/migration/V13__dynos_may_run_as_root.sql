-- Dynos of an image without USER (or USER root) run as an unprivileged user unless the app allows root.
alter table apps add column dynos_may_run_as_root boolean not null default false;
