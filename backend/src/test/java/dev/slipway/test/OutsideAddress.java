package dev.slipway.test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;

/**
 * A Slipway's base URL on an address of this machine's own network (eth0's, say) instead of loopback:
 * Slipway listens on every interface and sees a client connecting there with that address, not a
 * loopback one, as it would see a remote client.
 */
public final class OutsideAddress {

	private OutsideAddress() {
	}

	/** {@code baseUrl} with its host replaced by the first non-loopback address of this machine that reaches it. */
	public static String of(String baseUrl) {
		URI base = URI.create(baseUrl);
		try {
			return NetworkInterface.networkInterfaces()
				.filter(OutsideAddress::usable)
				.flatMap(NetworkInterface::inetAddresses)
				.filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
				.map(InetAddress::getHostAddress)
				.distinct()
				.filter(address -> reaches(address, base.getPort()))
				.findFirst()
				.map(address -> "http://" + address + ":" + base.getPort())
				.orElseThrow(() -> new IllegalStateException(
						"This machine has no address besides loopback (eth0's, say) that reaches " + baseUrl));
		}
		catch (SocketException ex) {
			throw new IllegalStateException("Cannot list this machine's network interfaces", ex);
		}
	}

	/** The machine's own interfaces and Docker's default bridge, not the bridges of apps and builds, which come and go. */
	private static boolean usable(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback() && !network.getName().startsWith("br-")
					&& !network.getName().startsWith("veth");
		}
		catch (SocketException ex) {
			return false;
		}
	}

	/** Whether the port takes connections on this address: the host's firewall may close a bridge to it. */
	private static boolean reaches(String address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 5000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
