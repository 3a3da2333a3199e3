package dev.slipway.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.slipway.instance.InstanceSettings;
import dev.slipway.instance.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The control plane's DataSource, in this order: {@code spring.datasource.*} when a URL is set,
 * else SLIPWAY_DATABASE_URL, else the PostgreSQL container Slipway manages itself. That one lives
 * alone on the network {@code <instance>-control-plane} and is published on 127.0.0.1 only: no dyno,
 * build or add-on container shares a network with it, and a port bound to the host's loopback is
 * out of every container's reach.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	static {
		// Check every connection before lending it, so a restart of the database costs no request.
		System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DataSourceProperties properties, DatabaseSettings settings, PostgresServers servers,
			InstanceSettings instance) {
		if (StringUtils.hasText(properties.getUrl())) {
			log.info("Control-plane database: {} (spring.datasource.url)", properties.getUrl());
			return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		}
		DatabaseUrl url = StringUtils.hasText(settings.url()) ? external(settings.url())
				: servers.ensure(new PostgresServers.Spec("control-plane-database", "postgres", "slipway", settings.port(),
						instance.resourceName("control-plane")));
		log.info("Control-plane database: {}", url);
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url.jdbcUrl());
		dataSource.setUsername(url.username());
		dataSource.setPassword(url.password());
		return dataSource;
	}

	private static DatabaseUrl external(String url) {
		try {
			return DatabaseUrl.parse(url);
		}
		catch (IllegalArgumentException ex) {
			throw new StartupFailure("SLIPWAY_DATABASE_URL is not usable: " + ex.getMessage(),
					"Set it to postgres://user:password@host:5432/database, or unset it to let Slipway run its own PostgreSQL.");
		}
	}

}
