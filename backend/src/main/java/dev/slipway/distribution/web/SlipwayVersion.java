package dev.slipway.distribution.web;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * {@value #HEADER} on every answer of the API, refusals by the security filters included, so the
 * command line can tell that it is older than the server whatever it asked.
 */
@Configuration(proxyBeanMethods = false)
class SlipwayVersion {

	static final String HEADER = "Slipway-Version";

	/** A build without Maven's build information (an IDE's) has no version to compare. */
	static final String UNKNOWN = "development";

	@Bean
	FilterRegistrationBean<Filter> slipwayVersionHeader(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = properties == null || properties.getVersion() == null ? UNKNOWN : properties.getVersion();
		Filter filter = (request, response, chain) -> {
			((HttpServletResponse) response).setHeader(HEADER, version);
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/api/*");
		// Before Spring Security's filters, which answer 401 and 403 themselves.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
