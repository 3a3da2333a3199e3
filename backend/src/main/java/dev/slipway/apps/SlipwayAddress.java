package dev.slipway.apps;

import java.util.Optional;

/**
 * Slipway's own HTTPS address ({@code https://slipway.example.com/}), once the router serves it with a
 * certificate: git remotes point there rather than at whatever address a page was reached by.
 */
public interface SlipwayAddress {

	Optional<String> https();

}
