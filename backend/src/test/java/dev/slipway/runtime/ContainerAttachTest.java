package dev.slipway.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * {@link ContainerAttach} against a socket that answers as Docker Engine's attach endpoint does: the
 * upgrade, output frames cut anywhere (even inside a header, or longer than the read buffer), and
 * the end of stdin seen by the engine.
 */
class ContainerAttachTest {

	private static final String UPGRADED = "HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n"
			+ "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n";

	@TempDir
	Path directory;

	@Test
	void demultiplexesFramesCutAnywhereAndEndsTheInput() throws Exception {
		String big = "x".repeat(3 * ContainerAttach.CHUNK + 17);
		CompletableFuture<String> request = new CompletableFuture<>();
		Path socket = engine(connection -> {
			request.complete(head(connection));
			byte[] frames = concat(frame(1, "hello "), frame(2, "oops"), frame(1, big));
			write(connection, concat(UPGRADED.getBytes(StandardCharsets.US_ASCII), slice(frames, 0, 3)));
			for (int at = 3; at < frames.length; at += 5000) {
				write(connection, slice(frames, at, Math.min(frames.length, at + 5000)));
			}
			String input = new String(Channels.newInputStream(connection).readAllBytes(), StandardCharsets.UTF_8);
			write(connection, frame(1, "stdin: " + input));
		});
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try (ContainerAttach attach = ContainerAttach.open(config(socket), "abc123", false)) {
			attach.write(ByteBuffer.wrap("typed".getBytes(StandardCharsets.UTF_8)));
			attach.closeInput();
			attach.pump(collect(stdout, stderr));
		}
		assertThat(request.get(10, TimeUnit.SECONDS))
			.startsWith("POST /containers/abc123/attach?stream=1&stdin=1&stdout=1&stderr=1 HTTP/1.1\r\n")
			.contains("Upgrade: tcp");
		assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("hello " + big + "stdin: typed");
		assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("oops");
	}

	@Test
	void withATtyTheOutputIsRawBytes() throws Exception {
		Path socket = engine(connection -> {
			head(connection);
			write(connection, concat(UPGRADED.getBytes(StandardCharsets.US_ASCII), "$ ".getBytes(StandardCharsets.UTF_8)));
			write(connection, "\u0001ls\r\n".getBytes(StandardCharsets.UTF_8));
		});
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		try (ContainerAttach attach = ContainerAttach.open(config(socket), "abc123", true)) {
			attach.pump(collect(stdout, new ByteArrayOutputStream()));
		}
		assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("$ \u0001ls\r\n");
	}

	@Test
	void aRefusalNamesTheEnginesStatus() throws Exception {
		Path socket = engine(connection -> {
			head(connection);
			write(connection, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		});
		assertThatIOException().isThrownBy(() -> ContainerAttach.open(config(socket), "gone", false))
			.withMessageContaining("404 Not Found");
	}

	interface Engine {

		void serve(SocketChannel connection) throws IOException;

	}

	/** A socket that serves one connection as {@code engine} says, in a thread of its own. */
	private Path engine(Engine engine) throws IOException {
		Path path = directory.resolve("docker.sock");
		ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		server.bind(UnixDomainSocketAddress.of(path));
		Thread.ofVirtual().start(() -> {
			try (server; SocketChannel connection = server.accept()) {
				engine.serve(connection);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return path;
	}

	private static DockerClientConfig config(Path socket) {
		return DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost("unix://" + socket).build();
	}

	/** Reads the request up to the end of its headers. */
	private static String head(SocketChannel connection) throws IOException {
		StringBuilder head = new StringBuilder();
		ByteBuffer one = ByteBuffer.allocate(1);
		while (!head.toString().endsWith("\r\n\r\n")) {
			one.clear();
			if (connection.read(one) < 0) {
				break;
			}
			head.append((char) one.get(0));
		}
		return head.toString();
	}

	private static void write(SocketChannel connection, byte[] bytes) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		while (buffer.hasRemaining()) {
			connection.write(buffer);
		}
	}

	/** A frame of Docker's multiplexed stream: the stream, three zero bytes, the size, the payload. */
	private static byte[] frame(int stream, String payload) {
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(8 + bytes.length).put((byte) stream).put(new byte[3]).putInt(bytes.length).put(bytes).array();
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

	private static byte[] slice(byte[] bytes, int from, int to) {
		return Arrays.copyOfRange(bytes, from, to);
	}

	private static ContainerAttach.Output collect(ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
		return new ContainerAttach.Output() {
			@Override
			public void stdout(ByteBuffer bytes) {
				stdout.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
			}

			@Override
			public void stderr(ByteBuffer bytes) {
				stderr.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
			}
		};
	}

}
