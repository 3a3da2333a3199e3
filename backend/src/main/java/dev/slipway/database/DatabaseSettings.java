package dev.slipway.database;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The control plane's database: an external one when {@code url} is set (SLIPWAY_DATABASE_URL),
 * otherwise a PostgreSQL container Slipway runs itself, published on 127.0.0.1:{@code port}.
 */
@ConfigurationProperties("slipway.database")
record DatabaseSettings(String url, @DefaultValue("15432") int port) {
}
