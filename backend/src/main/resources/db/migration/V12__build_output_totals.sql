-- How much output each finished build kept, so that disk use adds up cheaply, and whether its lines
-- were deleted because the app has newer builds than the output retention keeps.
create table build_output_totals (
    build_id bigint  primary key references builds (id) on delete cascade,
    lines    integer not null,
    bytes    bigint  not null,
    expired  boolean not null default false
);
