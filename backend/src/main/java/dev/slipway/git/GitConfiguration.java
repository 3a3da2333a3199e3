package dev.slipway.git;

import dev.slipway.apps.AppService;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GitConfiguration {

	@Bean
	ServletRegistrationBean<AppGitServlet> gitServlet(AppService apps, AppRepositories repositories,
			RepositoryLimits limits, AppReceivePacks receivePacks) {
		ServletRegistrationBean<AppGitServlet> registration = new ServletRegistrationBean<>(
				new AppGitServlet(apps, repositories, limits, receivePacks), "/git/*");
		registration.setName("git");
		registration.setLoadOnStartup(1);
		return registration;
	}

}
