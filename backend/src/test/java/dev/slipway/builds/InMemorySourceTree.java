package dev.slipway.builds;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** A pushed tree made of strings, for unit tests of what reads one. */
public final class InMemorySourceTree implements SourceTree {

	private final Map<String, String> files = new LinkedHashMap<>();

	public static InMemorySourceTree of(String... pathsAndContents) {
		InMemorySourceTree tree = new InMemorySourceTree();
		for (int i = 0; i < pathsAndContents.length; i += 2) {
			tree.files.put(pathsAndContents[i], pathsAndContents[i + 1]);
		}
		return tree;
	}

	@Override
	public String commit() {
		return "0123456789abcdef0123456789abcdef01234567";
	}

	@Override
	public List<String> files() {
		return new ArrayList<>(files.keySet());
	}

	@Override
	public Optional<String> read(String path) {
		return Optional.ofNullable(files.get(path));
	}

	@Override
	public void writeTar(OutputStream out, Predicate<String> include, Map<String, byte[]> extraFiles) throws IOException {
		TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
		for (Map.Entry<String, String> file : files.entrySet()) {
			if (include.test(file.getKey())) {
				byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
				TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
				entry.setSize(content.length);
				tar.putArchiveEntry(entry);
				tar.write(content);
				tar.closeArchiveEntry();
			}
		}
		tar.finish();
	}

}
