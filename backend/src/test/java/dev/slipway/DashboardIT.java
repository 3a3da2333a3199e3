package dev.slipway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.slipway.test.Browser;
import dev.slipway.test.GitProject;
import dev.slipway.test.RouterClient;
import dev.slipway.test.SlipwayUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard as a user drives it in Chromium: log in, create an app, push it with the real git
 * client while watching the build on the activity page, set a config var, read a live log line,
 * scale, roll back, and see every page fit a phone. Each step builds on the one before it.
 * Screenshots of each page (desktop, phone, phone in the dark scheme) land in target/screenshots.
 */
@TestMethodOrder(OrderAnnotation.class)
class DashboardIT {

	static final Duration PAGE = Duration.ofSeconds(10);

	static final Duration DEPLOY = Duration.ofMinutes(3);

	static SlipwayUnderTest slipway;

	static Browser browser;

	static String app = "dash-" + UUID.randomUUID().toString().substring(0, 6);

	static String token;

	static GitProject project;

	@BeforeAll
	static void openBrowser() {
		slipway = SlipwayUnderTest.shared();
		browser = Browser.open(slipway.baseUrl());
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	@Order(1)
	void aWrongPasswordIsToldAndTheRightOneLogsIn() {
		browser.logIn(SlipwayUnderTest.ADMIN_EMAIL, "not-the-password");
		browser.awaitText("Wrong email or password.", PAGE);
		checkPage("login");

		browser.logIn(SlipwayUnderTest.ADMIN_EMAIL, SlipwayUnderTest.ADMIN_PASSWORD);
		browser.await(PAGE, driver -> browser.path().equals("/apps"));
		browser.find("body").sendKeys(Keys.TAB);
		assertThat(browser.script("return document.activeElement.textContent")).isEqualTo("Skip to content");
		checkPage("apps");
	}

	@Test
	@Order(2)
	void anInvalidNameIsExplainedWhileTypingAndByTheServerThenAValidOneShowsTheRemote() {
		browser.visit("/apps/new");
		browser.type("input[name=name]", "My_App");
		browser.await(PAGE, driver -> browser.find(".field-feedback").getText().equals("Start with a lowercase letter."));
		checkPage("new-app");
		browser.click("form[data-validate-name] button[type=submit]");
		browser.awaitText("'My_App' is not a valid app name.", PAGE);

		browser.type("input[name=name]", app);
		browser.await(PAGE, driver -> browser.find(".field-feedback").getText().equals(app + " is a valid name."));
		browser.find("input[name=name]").sendKeys(Keys.ENTER);
		browser.await(PAGE, driver -> browser.path().equals("/apps/" + app));
		assertThat(browser.find(".notice").getText()).isEqualTo("Created " + app + ". Push code to deploy it.");
		String remote = browser.find("code.copyable").getText();
		assertThat(remote).isEqualTo(slipway.baseUrl() + "/git/" + app + ".git");
		assertThat(browser.find("pre.commands").getText())
			.isEqualTo("git remote add paas " + remote + "\ngit push paas main");
		assertThat(browser.text()).contains("the password is an API token", "Nothing deployed yet.");
	}

	@Test
	@Order(3)
	void aTokenIsShownOnceOnTheAccountPage() {
		browser.visit("/account");
		browser.type("input[name=name]", "dashboard test");
		browser.click("form[action$='/account/tokens'] button[type=submit]");
		token = browser.await(PAGE, driver -> browser.find("[data-token]").getAttribute("data-token"));
		assertThat(token).isNotBlank();
		assertThat(browser.text()).contains("dashboard test");
		checkPage("account");

		browser.visit("/account");
		assertThat(browser.findAll("[data-token]")).isEmpty();
	}

	@Test
	@Order(4)
	void theBuildOutputAppearsLiveOnTheActivityPageAndTheAppTurnsUp() throws Exception {
		String marker = "marker-" + UUID.randomUUID();
		project = GitProject.sample("dockerfile")
			.replace("Dockerfile", "RUN echo", "RUN echo " + marker + " && sleep 8\nRUN echo")
			.write("clock.sh", "#!/bin/sh\nwhile true; do echo \"clock $(date +%s%3N)\"; sleep 0.5; done\n")
			.write("Procfile", "web: ./clock.sh & exec ./server.sh\n")
			.commit("a clock beside the server");
		browser.visit("/apps/" + app + "/activity");
		assertThat(browser.text()).contains("No builds yet");

		String remote = browser.visit("/apps/" + app).find("code.copyable").getText();
		browser.visit("/apps/" + app + "/activity");
		String url = remote.replace("http://", "http://git:" + token + "@");
		FutureTask<GitProject.Push> push = new FutureTask<>(() -> project.push(url));
		Thread.ofPlatform().name("git-push").start(push);

		browser.await(DEPLOY, driver -> outputOfLatestBuild().contains(marker));
		assertThat(push).as("the marker shows while the build still runs").isNotDone();
		checkPage("activity-building");

		GitProject.Push pushed = push.get(5, TimeUnit.MINUTES);
		assertThat(pushed.succeeded()).as(pushed.toString()).isTrue();
		browser.await(PAGE, driver -> outputOfLatestBuild().contains("Released v1"));
		assertThat(browser.find(".latest-build [data-build-status]").getText()).isEqualTo("succeeded");

		browser.visit("/apps/" + app);
		awaitDynos(List.of("web.1"));
		assertThat(browser.text()).contains("v1", project.head());
		checkPage("overview");

		browser.visit("/apps");
		assertThat(browser.find("tr[data-app='" + app + "']").getText()).contains("up", "v1");

		browser.visit("/apps/" + app + "/activity");
		browser.click("tr[data-build-id] a");
		assertThat(browser.find("pre.build-output").getText()).contains(marker, "Released v1");
		checkPage("build");
	}

	@Test
	@Order(5)
	void aConfigVarSetOnTheSettingsPageMakesAReleaseAndTheAppServesIt() {
		String greeting = "hello from the dashboard";
		browser.visit("/apps/" + app + "/settings");
		browser.type("form.add-config input[name=key]", "GREETING");
		browser.type("form.add-config textarea[name=value]", greeting);
		browser.click("form.add-config button[type=submit]");
		browser.awaitText("Done: v2 runs with the new config.", DEPLOY);
		// Once the rollout is over the page fetches the section again; wait for that copy before using it.
		browser.await(PAGE, driver -> browser.findAll("[data-config-status]").isEmpty()
				&& !browser.findAll("tr[data-config-key=GREETING]").isEmpty());
		assertThat(browser.find("tr[data-config-key=GREETING]").getText()).doesNotContain(greeting);
		browser.click("tr[data-config-key=GREETING] details.reveal summary");
		assertThat(browser.find("tr[data-config-key=GREETING] pre.config-value").getText()).isEqualTo(greeting);
		checkPage("settings");
		assertThat(atDesktopAndPhoneWidth(() -> lines("form[data-confirm-name] label > span")))
			.as("lines of the delete confirmation's label").containsExactly(1L, 1L);

		browser.visit("/apps/" + app + "/activity");
		assertThat(browser.text()).contains("Set GREETING config vars");
		RouterClient.await(app, answer -> answer.body().contains("greeting=" + greeting), DEPLOY);
	}

	@Test
	@Order(6)
	void anInvalidConfigKeyOrEnvTextIsRefusedWithTheReasonKeepingWhatWasTypedAndChangesNothing() {
		browser.visit("/apps/" + app + "/settings");
		browser.type("form.add-config input[name=key]", "1BAD");
		browser.type("form.add-config textarea[name=value]", "x");
		browser.click("form.add-config button[type=submit]");
		browser.awaitText("'1BAD' is not a valid config var key", PAGE);
		assertThat(browser.find("form.add-config input[name=key]").getAttribute("value")).isEqualTo("1BAD");
		assertThat(browser.findAll("tr[data-config-key]")).hasSize(1);
		assertThat(browser.find("details.bulk").getAttribute("open")).as("a refused key leaves the bulk editor shut")
			.isNull();

		String typed = "GREETING=hello from the dashboard\nEXTRA=kept while I fix it\nnot an assignment\n";
		browser.click("details.bulk summary");
		browser.type("details.bulk textarea[name=text]", typed);
		browser.click("details.bulk button[type=submit]");
		browser.awaitText("Line 3 of the .env text is not KEY=value: not an assignment", PAGE);
		assertThat(browser.find("details.bulk").getAttribute("open")).as("the bulk editor stays open").isNotNull();
		assertThat(browser.find("details.bulk textarea[name=text]").getAttribute("value")).isEqualTo(typed);
		assertThat(browser.findAll("tr[data-config-key]")).hasSize(1);
		checkPage("settings-refused");
	}

	@Test
	@Order(7)
	void theLogsPageShowsALineWithinASecondOfItBeingPrinted() {
		browser.visit("/apps/" + app + "/logs");
		browser.await(PAGE, driver -> browser.find("[data-log-status]").getText().startsWith("Live"));
		long watching = (Long) browser.script("""
				window.arrivals = [];
				new MutationObserver((changes) => changes.forEach((change) => change.addedNodes.forEach((node) => {
				  const match = /clock (\\d+)$/.exec(node.textContent || '');
				  if (match) { window.arrivals.push([Number(match[1]), Date.now()]); }
				}))).observe(document.querySelector('[data-log-lines]'), { childList: true });
				return Date.now();""");
		List<List<Long>> arrivals = browser.await(PAGE, driver -> {
			@SuppressWarnings("unchecked")
			List<List<Long>> seen = ((List<List<Long>>) browser.script("return window.arrivals"));
			List<List<Long>> live = seen.stream().filter(pair -> pair.get(0) > watching).toList();
			return live.size() >= 4 ? live : null;
		});
		for (List<Long> arrival : arrivals) {
			assertThat(arrival.get(1) - arrival.get(0)).as("ms from printing to showing").isLessThan(1000);
		}
		checkPage("logs");
	}

	@Test
	@Order(8)
	void scalingWebToTwoOnTheOverviewListsTwoDynosUp() {
		browser.visit("/apps/" + app);
		browser.type("form[data-process-type=web] input[name=quantity]", "2");
		browser.click("form[data-process-type=web] button[type=submit]");
		browser.await(PAGE, driver -> !browser.findAll(".notice").isEmpty());
		assertThat(browser.find(".notice").getText()).startsWith("Scaled web to 2");
		awaitDynos(List.of("web.1", "web.2"));
		assertThat((Long) browser.script("""
				const fetched = () => performance.getEntriesByType('resource')
				  .filter((entry) => /\\/parts\\/(?!changes)/.test(entry.name)).length;
				const before = fetched();
				return new Promise((resolve) => setTimeout(() => resolve(fetched() - before), 3000));"""))
			.as("parts fetched in 3 s while none changed: the page follows the change stream, it does not poll")
			.isZero();
		assertThat(browser.find("form[data-process-type=web] input[name=quantity]").getAttribute("value"))
			.isEqualTo("2");
		assertThat(atDesktopAndPhoneWidth(() -> (Long) browser.script("""
				const middle = (element) => { const box = element.getBoundingClientRect(); return box.top + box.height / 2; };
				const form = document.querySelector('form[data-process-type=web]');
				return Math.round(Math.abs(middle(form.querySelector('.process-type code'))
				  - middle(form.querySelector('input[name=quantity]'))));""")))
			.as("px between the middles of the process type and its quantity field").allMatch(px -> px <= 2);
	}

	@Test
	@Order(9)
	void rollingBackFromTheActivityPageBringsTheEarlierVersionBack() {
		browser.visit("/apps/" + app + "/activity");
		project.replace("server.sh", "docker v1", "docker v2").commit("v2");
		GitProject.Push pushed = project.push(slipway.gitUrl(app, token));
		assertThat(pushed.succeeded()).as(pushed.toString()).isTrue();
		RouterClient.await(app, answer -> answer.body().startsWith("docker v2"), DEPLOY);
		browser.awaitText("Deploy " + project.head().substring(0, 7), PAGE);
		browser.await(PAGE, driver -> {
			driver.findElement(By.xpath("//button[normalize-space()='Roll back to v2']")).click();
			return true;
		});
		browser.awaitText("Rolled back to v2: v4 is running.", DEPLOY);
		RouterClient.await(app, answer -> answer.body().startsWith("docker v1"), DEPLOY);
		assertThat(RouterClient.get(app).body()).contains("greeting=hello from the dashboard");
		browser.visit("/apps/" + app + "/activity");
		browser.await(PAGE, driver -> browser.findAll("button").stream().map(WebElement::getText).toList()
			.contains("Roll back to v3"));
		checkPage("activity");
	}

	@Test
	@Order(10)
	void theRemainingPagesFitAPhoneToo() {
		browser.visit("/apps/" + app + "/resources");
		assertThat(browser.text()).contains("Provision PostgreSQL");
		checkPage("resources");
		browser.visit("/apps/new");
		checkPage("new-app-empty");
	}

	/** What the page shows at desktop width, then at phone width. */
	private static <T> List<T> atDesktopAndPhoneWidth(Supplier<T> measure) {
		T desktop = measure.get();
		browser.resize(Browser.PHONE);
		try {
			return List.of(desktop, measure.get());
		}
		finally {
			browser.resize(Browser.DESKTOP);
		}
	}

	/** The lines of text the element takes. */
	private static long lines(String css) {
		return (Long) browser.script("""
				const element = document.querySelector(arguments[0]);
				return Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight));""",
				css);
	}

	/** Waits for the dynos table, which refreshes itself, to list exactly these dynos as up. */
	private static void awaitDynos(List<String> names) {
		browser.await(DEPLOY, driver -> {
			List<WebElement> rows = browser.findAll("tr[data-dyno]");
			return rows.size() == names.size()
					&& rows.stream().allMatch(row -> "up".equals(row.getAttribute("data-state")))
					&& rows.stream().map(row -> row.getAttribute("data-dyno")).toList().equals(names);
		});
	}

	private static String outputOfLatestBuild() {
		List<WebElement> output = browser.findAll(".latest-build pre.build-output");
		return output.isEmpty() ? "" : output.get(0).getAttribute("textContent");
	}

	/**
	 * The page as it is now: no console errors, every text at least 4.5:1 against its background in
	 * both schemes, form fields in normal weight, and screenshots at desktop width, at phone width
	 * (where nothing may scroll sideways, no code block either, and no dropdown may cut its text off)
	 * and at phone width in the dark scheme.
	 */
	private static void checkPage(String name) {
		assertThat(browser.consoleErrors()).as("console errors on " + name).isEmpty();
		assertThat(browser.textBelowContrast()).as("text below 4.5:1 on " + name).isEmpty();
		assertThat(browser.boldFields()).as("bold form fields on " + name).isEmpty();
		browser.screenshot(name + "-desktop");
		browser.resize(Browser.PHONE);
		try {
			assertThat(browser.overflowsHorizontally()).as(name + " overflows a phone's width").isFalse();
			assertThat(browser.cutOff()).as(name + " cuts text off on a phone").isEmpty();
			browser.screenshot(name + "-phone");
			browser.colorScheme("dark");
			assertThat(browser.textBelowContrast()).as("text below 4.5:1 on " + name + " in the dark").isEmpty();
			browser.screenshot(name + "-phone-dark");
		}
		finally {
			browser.colorScheme("light");
			browser.resize(Browser.DESKTOP);
		}
	}

}
