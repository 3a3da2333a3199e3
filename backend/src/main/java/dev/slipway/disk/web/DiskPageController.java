package dev.slipway.disk.web;

import dev.slipway.disk.DiskUsage;
import dev.slipway.identity.UserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's page of disk use by app. */
@Controller
class DiskPageController {

	private final DiskUsage disk;

	DiskPageController(DiskUsage disk) {
		this.disk = disk;
	}

	@GetMapping("/disk")
	String disk(@AuthenticationPrincipal UserPrincipal user, Model model) {
		model.addAttribute("report", disk.report(user));
		return "disk/disk";
	}

}
