-- Whether a buildpack built the deployed release's image: its dynos then source /app/.profile.d in bash.
alter table deployments add column built_by_buildpack boolean not null default false;
