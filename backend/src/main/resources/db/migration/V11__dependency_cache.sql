-- The dependency cache a build seeded its install step from, the one it saved, and the digest of the
-- dependency manifests it saw: an unchanged digest reuses the same seed, so Docker's layer cache holds.
alter table builds add column dependency_digest varchar(64);
alter table builds add column cache_seed varchar(200);
alter table builds add column cache_image varchar(200);
