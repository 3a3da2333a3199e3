package dev.slipway.apps;

import java.util.Optional;

/** Names no app may take because another feature answers at them (Slipway's own hostname, say), and why. */
public interface ReservedAppNames {

	Optional<String> reason(String name);

}
