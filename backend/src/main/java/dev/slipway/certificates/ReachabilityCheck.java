package dev.slipway.certificates;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;

import dev.slipway.router.Router;

import org.springframework.stereotype.Component;

/**
 * The pre-check before asking the CA: does the hostname resolve, and does what it resolves to reach
 * this router? It looks as the CA would, through DNS and plain HTTP on the challenge port, for a file
 * the router serves only for this check; when either fails, the CA would fail too, and asking it would
 * only count against its rate limits.
 */
@Component
class ReachabilityCheck {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int MAX_PROBED_ADDRESSES = 2;

	private final AcmeSettings settings;

	private final Router router;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(3))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	ReachabilityCheck(AcmeSettings settings, Router router) {
		this.settings = settings;
		this.router = router;
	}

	/** Why the CA could not reach the router at {@code hostname}; empty when it can. */
	Optional<String> problem(String hostname) {
		List<String> addresses;
		String lookupFailure = "";
		try {
			addresses = resolve(hostname);
		}
		catch (NamingException | UnknownHostException ex) {
			addresses = List.of();
			lookupFailure = ex instanceof NamingException naming ? " (" + naming.getExplanation() + ")" : "";
		}
		if (addresses.isEmpty()) {
			return Optional.of(hostname + " does not resolve" + (settings.dnsServer().isBlank() ? "" : " at " + settings.dnsServer())
					+ lookupFailure + ": add a DNS record (A or AAAA, or a wildcard for the base domain) pointing at this machine."
					+ " Slipway asks for the certificate once it does.");
		}
		String token = probeToken();
		String answer = probeToken();
		router.publishChallenge(token, answer);
		try {
			List<String> failures = new ArrayList<>();
			// A few addresses at most: a name with hundreds would hold up every other hostname's check.
			for (String address : addresses.subList(0, Math.min(addresses.size(), MAX_PROBED_ADDRESSES))) {
				String failure = probe(address, token, answer);
				if (failure == null) {
					return Optional.empty();
				}
				failures.add(address + " (" + failure + ")");
			}
			return Optional.of(hostname + " resolves to " + String.join(", ", failures) + ", where this router does not answer on port "
					+ settings.challengePort() + ": point the DNS record at this machine and open port "
					+ settings.challengePort() + " to the internet.");
		}
		finally {
			router.withdrawChallenge(token);
		}
	}

	/** Null when the router at the address answered with the file; otherwise what happened. */
	private String probe(String address, String token, String answer) {
		String host = address.contains(":") ? "[" + address + "]" : address;
		try {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://" + host + ":" + settings.challengePort() + "/.well-known/acme-challenge/" + token))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200 && response.body().strip().equals(answer)) {
				return null;
			}
			return "another server answered";
		}
		catch (IOException ex) {
			return "no answer";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	/** The hostname's addresses: from the configured DNS server, or the system's resolver. */
	private List<String> resolve(String hostname) throws NamingException, UnknownHostException {
		if (settings.dnsServer().isBlank()) {
			List<String> addresses = new ArrayList<>();
			for (InetAddress address : InetAddress.getAllByName(hostname)) {
				addresses.add(address.getHostAddress());
			}
			return addresses;
		}
		Hashtable<String, String> environment = new Hashtable<>();
		environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
		environment.put(Context.PROVIDER_URL, "dns://" + settings.dnsServer().strip());
		environment.put("com.sun.jndi.dns.timeout.initial", "2000");
		environment.put("com.sun.jndi.dns.timeout.retries", "2");
		InitialDirContext dns = new InitialDirContext(environment);
		NamingException failure = null;
		try {
			List<String> addresses = new ArrayList<>();
			// One query per type: a server that fails one type (no IPv6 at all, say) still answers the other.
			for (String type : new String[] { "A", "AAAA" }) {
				try {
					Attribute values = dns.getAttributes(hostname + ".", new String[] { type }).get(type);
					if (values != null) {
						NamingEnumeration<?> all = values.getAll();
						while (all.hasMore()) {
							addresses.add(all.next().toString());
						}
					}
				}
				catch (NameNotFoundException ex) {
					// No such name: no address of either type.
				}
				catch (NamingException ex) {
					failure = failure == null ? ex : failure;
				}
			}
			if (addresses.isEmpty() && failure != null) {
				throw failure;
			}
			return addresses;
		}
		finally {
			dns.close();
		}
	}

	private static String probeToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
