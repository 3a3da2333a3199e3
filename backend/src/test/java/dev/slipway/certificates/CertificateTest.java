package dev.slipway.certificates;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateTest {

	private final Instant now = Instant.parse("2026-12-01T00:00:00Z");

	@Test
	void anIssuedCertificateIsRenewedAtTwoThirdsOfItsLife() {
		Certificate certificate = new Certificate(1L, "a.example.com", now);
		assertThat(certificate.due(now)).isTrue();
		certificate.issued("chain", "key", now, now.plus(Duration.ofDays(90)), now);
		assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUED);
		assertThat(certificate.nextAttemptAt()).isEqualTo(now.plus(Duration.ofDays(60)));
		assertThat(certificate.due(now.plus(Duration.ofDays(59)))).isFalse();
		assertThat(certificate.due(now.plus(Duration.ofDays(60)))).isTrue();
		assertThat(certificate.served(now.plus(Duration.ofDays(89)))).isNotNull();
		assertThat(certificate.served(now.plus(Duration.ofDays(90)))).isNull();
	}

	@Test
	void aFailedRenewalKeepsServingTheCertificateAndSaysWhy() {
		Certificate certificate = new Certificate(1L, "a.example.com", now);
		certificate.issued("chain", "key", now, now.plus(Duration.ofDays(90)), now);
		Instant renewal = now.plus(Duration.ofDays(60));
		certificate.failed("The CA refused", renewal.plus(Duration.ofMinutes(1)), renewal);
		assertThat(certificate.status()).isEqualTo(CertificateStatus.ISSUED);
		assertThat(certificate.problem()).isEqualTo("The CA refused");
		assertThat(certificate.served(renewal)).isNotNull();
		assertThat(certificate.attempts()).isEqualTo(1);
	}

	@Test
	void aFirstAttemptThatFailsIsFailedAndOneThatCouldNotBeMadeIsPending() {
		Certificate refused = new Certificate(1L, "a.example.com", now);
		refused.failed("The CA could not check a.example.com", now.plusSeconds(60), now);
		assertThat(refused.status()).isEqualTo(CertificateStatus.FAILED);
		assertThat(refused.due(now.plusSeconds(59))).isFalse();
		Certificate waiting = new Certificate(1L, "b.example.com", now);
		waiting.waiting("b.example.com does not resolve", Duration.ofMinutes(1), now);
		assertThat(waiting.status()).isEqualTo(CertificateStatus.PENDING);
		assertThat(waiting.problem()).contains("does not resolve");
	}

	@Test
	void anUploadedCertificateIsNeverRenewedAndRemovingItAsksTheCaAtOnce() {
		Certificate certificate = new Certificate(1L, "a.example.com", now);
		certificate.uploaded("chain", "key", now, now.plus(Duration.ofDays(365)), now);
		assertThat(certificate.source()).isEqualTo(CertificateSource.UPLOADED);
		assertThat(certificate.due(now.plus(Duration.ofDays(364)))).isFalse();
		certificate.backToAcme(now);
		assertThat(certificate.source()).isEqualTo(CertificateSource.ACME);
		assertThat(certificate.due(now)).isTrue();
		assertThat(certificate.served(now)).isNull();
	}

	@Test
	void aNameNoCaCertifiesIsNotAskedForUntilItBecomesEligible() {
		Certificate certificate = new Certificate(1L, "a.localhost", now);
		certificate.notRequested("not a public name", now);
		assertThat(certificate.due(now.plus(Duration.ofDays(3650)))).isFalse();
		assertThat(certificate.nextAttemptAt()).isNull();
		certificate.retryNow(now);
		assertThat(certificate.due(now)).isTrue();
	}

	@Test
	void failedAttemptsBackOffDoublingUpToTheMaximum() {
		AcmeSettings settings = new AcmeSettings(true, "acme://letsencrypt.org", "", true, "", "", 80,
				Duration.ofMinutes(1), Duration.ofHours(6));
		assertThat(settings.backOff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.backOff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.backOff(5)).isEqualTo(Duration.ofMinutes(16));
		assertThat(settings.backOff(30)).isEqualTo(Duration.ofHours(6));
	}

}
