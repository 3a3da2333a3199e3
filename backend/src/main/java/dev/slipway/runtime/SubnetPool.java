package dev.slipway.runtime;

import java.util.Collection;

/**
 * Carves app networks out of one IPv4 range, so Slipway does not run out of Docker's default address
 * pools (about 30 networks) and never overlaps a network that exists.
 */
record SubnetPool(int base, int poolPrefix, int subnetPrefix) {

	static SubnetPool parse(String pool, int subnetPrefix) {
		String[] parts = pool.strip().split("/");
		int prefix = Integer.parseInt(parts[1]);
		if (prefix > subnetPrefix || subnetPrefix > 29) {
			throw new IllegalArgumentException("The app network pool " + pool + " cannot hold /" + subnetPrefix + " subnets");
		}
		return new SubnetPool(address(parts[0]) & mask(prefix), prefix, subnetPrefix);
	}

	/** The first subnet of the pool that overlaps none of {@code used} (CIDRs), or null when the pool is full. */
	String firstFree(Collection<String> used) {
		long count = 1L << (subnetPrefix - poolPrefix);
		int size = 1 << (32 - subnetPrefix);
		for (long i = 0; i < count; i++) {
			int start = base + (int) (i * size);
			boolean overlaps = used.stream().anyMatch(cidr -> overlaps(start, subnetPrefix, cidr));
			if (!overlaps) {
				return format(start) + "/" + subnetPrefix;
			}
		}
		return null;
	}

	private static boolean overlaps(int start, int prefix, String cidr) {
		String[] parts = cidr.split("/");
		if (parts.length != 2 || parts[0].contains(":")) {
			return false;
		}
		int otherPrefix = Integer.parseInt(parts[1]);
		int common = Math.min(prefix, otherPrefix);
		return (start & mask(common)) == (address(parts[0]) & mask(common));
	}

	private static int mask(int prefix) {
		return prefix == 0 ? 0 : -1 << (32 - prefix);
	}

	private static int address(String dotted) {
		String[] octets = dotted.split("\\.");
		int value = 0;
		for (String octet : octets) {
			value = (value << 8) | Integer.parseInt(octet);
		}
		return value;
	}

	private static String format(int address) {
		return ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "." + (address & 255);
	}

}
