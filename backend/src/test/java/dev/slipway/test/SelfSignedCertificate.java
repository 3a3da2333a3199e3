package dev.slipway.test;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate an owner might upload: self-signed for the names given, and its key, both in PEM. */
public record SelfSignedCertificate(String chainPem, String keyPem) {

	public static SelfSignedCertificate of(List<String> dnsNames, Instant notBefore, Instant notAfter) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair key = generator.generateKeyPair();
			X500Name name = new X500Name("CN=" + dnsNames.get(0));
			X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
					Date.from(notBefore), Date.from(notAfter), name, key.getPublic())
				.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
						dnsNames.stream().map(dns -> new GeneralName(GeneralName.dNSName, dns)).toArray(GeneralName[]::new)))
				.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate()));
			return new SelfSignedCertificate(pem(certificate), pem(new JcaPKCS8Generator(key.getPrivate(), null)));
		}
		catch (GeneralSecurityException | OperatorCreationException | IOException ex) {
			throw new IllegalStateException("Cannot make a self-signed certificate", ex);
		}
	}

	private static String pem(Object object) throws IOException {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			writer.writeObject(object);
		}
		return text.toString();
	}

}
