package dev.slipway.certificates.web;

import java.util.List;

import dev.slipway.apps.AppService;
import dev.slipway.certificates.CertificateService;
import dev.slipway.certificates.HostnameCertificate;
import dev.slipway.identity.UserPrincipal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/apps/<app>/certificates}: each hostname's certificate; {@code PUT /api/apps/<app>/certificate}
 * uploads the owner's own ({@code {"certificate_chain": "...", "private_key": "..."}}), {@code DELETE}
 * goes back to the CA's.
 */
@RestController
@RequestMapping("/api/apps/{appName}")
class CertificatesApiController {

	record Upload(String certificateChain, String privateKey) {
	}

	record Uploaded(List<String> hostnames) {
	}

	private final AppService apps;

	private final CertificateService certificates;

	CertificatesApiController(AppService apps, CertificateService certificates) {
		this.apps = apps;
		this.certificates = certificates;
	}

	@GetMapping("/certificates")
	List<HostnameCertificate> list(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		return certificates.of(apps.require(appName, user));
	}

	@PutMapping("/certificate")
	Uploaded upload(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName, @RequestBody Upload upload) {
		return new Uploaded(certificates.upload(apps.require(appName, user), upload.certificateChain(), upload.privateKey()));
	}

	@DeleteMapping("/certificate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@AuthenticationPrincipal UserPrincipal user, @PathVariable String appName) {
		certificates.removeUpload(apps.require(appName, user));
	}

}
