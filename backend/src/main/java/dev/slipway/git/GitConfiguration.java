package dev.slipway.git;

import dev.slipway.apps.AppService;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

@Configuration(proxyBeanMethods = false)
class GitConfiguration {

	@Bean
	ServletRegistrationBean<AppGitServlet> gitServlet(AppService apps, AppRepositories repositories,
			RepositoryLimits limits, PushPipeline pipeline, GitSettings settings,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) TaskExecutor executor) {
		ServletRegistrationBean<AppGitServlet> registration = new ServletRegistrationBean<>(
				new AppGitServlet(apps, repositories, limits, pipeline, settings, executor), "/git/*");
		registration.setName("git");
		registration.setLoadOnStartup(1);
		return registration;
	}

}
