package dev.slipway.test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions that only run their work, for services kept on {@link InMemoryRepositories}: there is
 * nothing to commit or roll back.
 */
public final class NoTransactions extends AbstractPlatformTransactionManager {

	private NoTransactions() {
	}

	public static TransactionTemplate template() {
		return new TransactionTemplate(new NoTransactions());
	}

	@Override
	protected Object doGetTransaction() {
		return new Object();
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
	}

}
