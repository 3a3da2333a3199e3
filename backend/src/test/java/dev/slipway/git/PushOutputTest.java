package dev.slipway.git;

import java.io.OutputStream;
import java.util.List;

import org.eclipse.jgit.transport.ReceivePack;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The push's work runs on the executor; its lines reach git in order, then its result or its failure. */
class PushOutputTest {

	private final ReceivePack receivePack = mock(ReceivePack.class);

	private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor();

	PushOutputTest() {
		executor.setVirtualThreads(true);
		when(receivePack.getMessageOutputStream()).thenReturn(OutputStream.nullOutputStream());
	}

	@Test
	void writesEveryLineThenAnswersTheWorksResult() {
		boolean result = new PushOutput(receivePack, executor).stream(log -> {
			List.of("one", "two", "three").forEach(log::step);
			return true;
		});

		assertThat(result).isTrue();
		InOrder order = inOrder(receivePack);
		order.verify(receivePack).sendMessage("-----> one");
		order.verify(receivePack).sendMessage("-----> two");
		order.verify(receivePack).sendMessage("-----> three");
	}

	@Test
	void rethrowsWhatTheWorkThrewAfterItsLines() {
		PushOutput output = new PushOutput(receivePack, executor);

		assertThatIllegalArgumentException().isThrownBy(() -> output.stream(log -> {
			log.error("broken");
			throw new IllegalArgumentException("unforeseen");
		})).withMessage("unforeseen");
		inOrder(receivePack).verify(receivePack).sendMessage(" !     broken");
	}

}
