package dev.slipway.router;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one reload installs: each app's route, hostnames and HTTPS policy, the certificate of
 * each hostname that has one, and the port of Slipway's own web server (0 until it listens).
 */
record Routing(Map<String, Route> routes, Map<String, List<String>> customDomains, Map<String, List<String>> hostnames,
		Map<String, TlsCertificate> certificates, Map<String, HttpsPolicy> policies, int controlPlanePort,
		Set<String> changed) {

	HttpsPolicy policy(String app) {
		return policies.getOrDefault(app, HttpsPolicy.DEFAULT);
	}

}
