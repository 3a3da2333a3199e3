package dev.slipway.bench;

/**
 * A benchmark's main method: the Slipway under test keeps the JVM alive, so the JVM ends here, with
 * status 1 and the failure printed when the benchmark failed, so `bench/run` goes on to the next one
 * and says at the end which failed.
 */
final class BenchmarkMain {

	private BenchmarkMain() {
	}

	interface Benchmark {

		void measure() throws Exception;

	}

	static void run(Benchmark benchmark) {
		int status = 0;
		try {
			benchmark.measure();
		}
		catch (Exception | Error ex) {
			ex.printStackTrace();
			status = 1;
		}
		System.exit(status);
	}

}
