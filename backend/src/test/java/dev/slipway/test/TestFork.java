package dev.slipway.test;

/**
 * The integration tests run in several Failsafe forks (JVMs) at once, each with Slipways of its own
 * on one Docker Engine. The first fork takes the instance names and ports as given; fork n appends
 * {@code -n} to the names and adds {@value #PORTS} (n - 1) to the ports, so no two forks share a
 * container, volume, network, data directory or port.
 */
public final class TestFork {

	/** Failsafe's fork number (system property {@code slipway.it.fork}, set in backend/pom.xml); 1 outside a fork. */
	public static final int NUMBER = number(System.getProperty("slipway.it.fork", "1"));

	/** The ports each fork has from its router port on: it uses up to router port + 45 (the shared Slipway's SSH). */
	static final int PORTS = 50;

	private TestFork() {
	}

	/** Fails on anything but a number: forks that took the same names and ports would break each other's tests. */
	private static int number(String fork) {
		try {
			return Integer.parseInt(fork);
		}
		catch (NumberFormatException ex) {
			throw new IllegalStateException("The system property slipway.it.fork is '" + fork
					+ "', not a fork number: set it from ${surefire.forkNumber} in Failsafe's argLine", ex);
		}
	}

	/** {@code name} in the first fork, {@code name-n} in fork n. */
	public static String instance(String name) {
		return NUMBER == 1 ? name : name + "-" + NUMBER;
	}

	/** {@code port} in the first fork, {@value #PORTS} (n - 1) above it in fork n. */
	public static int port(int port) {
		return port + (NUMBER - 1) * PORTS;
	}

	/** The system property {@code name} in the first fork, moved as a name is in the others. */
	static String instance(String property, String otherwise) {
		String name = System.getProperty(property);
		return name != null ? instance(name) : otherwise;
	}

	/** The system property {@code port} in the first fork, moved as a port is in the others. */
	static int port(String property, int otherwise) {
		Integer port = Integer.getInteger(property);
		return port != null ? port(port) : otherwise;
	}

}
