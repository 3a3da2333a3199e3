package dev.slipway.disk;

import java.util.List;
import java.util.Map;

import dev.slipway.apps.App;

/**
 * One measure of disk use by app, given by the feature that holds the data (the repository, build
 * output, log lines), so that the admin's view needs to know none of them.
 */
public interface DiskUseSource {

	/** The column heading: what is measured. */
	String label();

	/** Whether the amounts are bytes; otherwise they are counts (of rows, say). */
	boolean bytes();

	/** The amount for each of {@code apps} that has any, by app id. */
	Map<Long, Long> byApp(List<App> apps);

}
