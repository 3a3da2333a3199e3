package dev.slipway.bench;

/** The floor of the control-plane benchmark: a JVM that only says it is ready and then waits. */
public final class IdleJvm {

	private IdleJvm() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.out.println("ready");
		Thread.sleep(Long.MAX_VALUE);
	}

}
