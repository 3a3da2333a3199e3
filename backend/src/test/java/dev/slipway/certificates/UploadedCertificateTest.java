package dev.slipway.certificates;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.slipway.errors.SlipwayException;
import dev.slipway.test.SelfSignedCertificate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadedCertificateTest {

	private final Instant now = Instant.now();

	@Test
	void aWildcardCoversOneLabelBelowItsDomainOnly() {
		SelfSignedCertificate pem = SelfSignedCertificate.of(List.of("*.apps.example.com", "example.com"),
				now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
		UploadedCertificate uploaded = UploadedCertificate.parse(pem.chainPem(), pem.keyPem());
		assertThat(uploaded.names()).containsExactly("*.apps.example.com", "example.com");
		assertThat(uploaded.covers("shop.apps.example.com")).isTrue();
		assertThat(uploaded.covers("SHOP.apps.example.com")).isTrue();
		assertThat(uploaded.covers("example.com")).isTrue();
		assertThat(uploaded.covers("apps.example.com")).isFalse();
		assertThat(uploaded.covers("a.shop.apps.example.com")).isFalse();
		assertThat(uploaded.covers("shopapps.example.com")).isFalse();
		assertThat(uploaded.notAfter()).isAfter(now);
	}

	@Test
	void anotherCertificatesKeyIsRefused() {
		SelfSignedCertificate one = SelfSignedCertificate.of(List.of("a.example.com"), now, now.plus(Duration.ofDays(1)));
		SelfSignedCertificate other = SelfSignedCertificate.of(List.of("a.example.com"), now, now.plus(Duration.ofDays(1)));
		assertThatThrownBy(() -> UploadedCertificate.parse(one.chainPem(), other.keyPem()))
			.isInstanceOf(SlipwayException.class)
			.hasMessageContaining("not the certificate's");
	}

	@Test
	void anExpiredCertificateIsRefused() {
		SelfSignedCertificate expired = SelfSignedCertificate.of(List.of("a.example.com"), now.minus(Duration.ofDays(30)),
				now.minus(Duration.ofDays(1)));
		assertThatThrownBy(() -> UploadedCertificate.parse(expired.chainPem(), expired.keyPem()))
			.hasMessageContaining("expired");
	}

	@Test
	void whatIsNotPemIsRefusedWithWhatToGive() {
		SelfSignedCertificate pem = SelfSignedCertificate.of(List.of("a.example.com"), now, now.plus(Duration.ofDays(1)));
		assertThatThrownBy(() -> UploadedCertificate.parse("hello", pem.keyPem())).hasMessageContaining("PEM X.509");
		assertThatThrownBy(() -> UploadedCertificate.parse(pem.chainPem(), "hello")).hasMessageContaining("PEM key");
		assertThatThrownBy(() -> UploadedCertificate.parse("", "")).hasMessageContaining("BEGIN CERTIFICATE");
		assertThatThrownBy(() -> UploadedCertificate.parse(pem.chainPem().repeat(200), pem.keyPem()))
			.hasMessageContaining("64 KB");
	}

}
