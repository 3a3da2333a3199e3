package dev.slipway.bench.simulation;

import org.springframework.context.SmartLifecycle;

/** Notes when Slipway's lifecycle begins to start, before release recovery, to time what follows. */
class StartClock implements SmartLifecycle {

	private volatile boolean running;

	@Override
	public void start() {
		SimulatedCluster.current().startTimes.lifecycleStarted = System.nanoTime();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE;
	}

}
