package dev.slipway.runtime;

import dev.slipway.apps.AppLocks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

	/** One change to an app's dynos at a time: rollouts, scaling and restarts of one app never overlap. */
	@Bean
	AppLocks dynoLocks() {
		return new AppLocks();
	}

}
