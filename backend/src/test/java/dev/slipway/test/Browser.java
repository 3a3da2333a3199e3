package dev.slipway.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its ChromeDriver: pages as a user sees them, their
 * console errors, screenshots kept under {@code target/screenshots}, and whether a page overflows
 * the width of a phone.
 */
public final class Browser implements AutoCloseable {

	public static final Dimension DESKTOP = new Dimension(1280, 900);

	/** Chromium's error for a request cut off by a change of the machine's network, not the page's doing. */
	private static final String NETWORK_CHANGED = "ERR_NETWORK_CHANGED";

	public static final Dimension PHONE = new Dimension(390, 844);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final String baseUrl;

	private Browser(ChromeDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	public static Browser open(String baseUrl) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("SLIPWAY_CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(executable("SLIPWAY_CHROMEDRIVER", "/usr/bin/chromedriver")))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, baseUrl);
	}

	private static String executable(String variable, String otherwise) {
		String configured = System.getenv(variable);
		String path = configured != null && !configured.isBlank() ? configured : otherwise;
		if (!Files.isExecutable(Path.of(path))) {
			throw new IllegalStateException(path + " is missing: install Debian's chromium and chromium-driver "
					+ "(or set " + variable + ")");
		}
		return path;
	}

	public Browser visit(String path) {
		driver.get(baseUrl + path);
		// Chromium drops what is in flight when the machine's addresses change, as Docker networks that
		// other tests make and remove do: its error page is loaded again, as a person would.
		for (int attempt = 1; attempt < 5 && text().contains(NETWORK_CHANGED); attempt++) {
			driver.navigate().refresh();
		}
		return this;
	}

	public String path() {
		return driver.getCurrentUrl().replace(baseUrl, "");
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	public List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	public String text() {
		return find("body").getText();
	}

	public Browser type(String css, String text) {
		WebElement field = find(css);
		field.clear();
		field.sendKeys(text);
		return this;
	}

	/** Clicks the element, finding it again if a part of the page that refreshes itself replaced it. */
	public Browser click(String css) {
		await(Duration.ofSeconds(10), d -> {
			find(css).click();
			return true;
		});
		return this;
	}

	/** Waits until the condition holds (the page updates itself, or a form was sent). */
	public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(50))
			.ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	public Browser awaitText(String text, Duration timeout) {
		await(timeout, d -> d.findElement(By.tagName("body")).getText().contains(text));
		return this;
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	public Browser resize(Dimension size) {
		driver.manage().window().setSize(size);
		return this;
	}

	/** Emulates the system's colour scheme ("light" or "dark") for the pages that follow. */
	public Browser colorScheme(String scheme) {
		driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
		return this;
	}

	/** Whether the page is wider than the window (content that would scroll sideways). */
	public boolean overflowsHorizontally() {
		return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth + 1");
	}

	/**
	 * The text on the page (placeholders and form fields included) whose contrast with what is behind it is
	 * below WCAG's 4.5:1, as {@code "tag.class 'text' 3.2:1"}; disabled controls are exempt, as WCAG says.
	 */
	@SuppressWarnings("unchecked")
	public List<String> textBelowContrast() {
		return (List<String>) script("""
				const rgba = (css) => {
				  const parts = (css.match(/[\\d.]+/g) || ['0', '0', '0', '0']).map(Number);
				  return parts.length === 3 ? [...parts, 1] : parts;
				};
				const over = (top, below) => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat(1);
				const behind = (element) => {
				  const layers = [];
				  for (let at = element; at; at = at.parentElement) {
				    const colour = rgba(getComputedStyle(at).backgroundColor);
				    if (colour[3] > 0) { layers.push(colour); }
				    if (colour[3] === 1) { break; }
				  }
				  return layers.reverse().reduce((below, top) => over(top, below), [255, 255, 255, 1]);
				};
				const luminance = (colour) => {
				  const [r, g, b] = colour.slice(0, 3).map((v) => v / 255)
				    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
				  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
				};
				const ratio = (a, b) => {
				  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
				  return (light + 0.05) / (dark + 0.05);
				};
				const low = [];
				const check = (element, colour, text) => {
				  const background = behind(element);
				  const contrast = ratio(over(rgba(colour), background), background);
				  if (contrast < 4.5) {
				    low.push(element.tagName.toLowerCase() + (element.className ? '.' + element.className : '')
				      + " '" + text.trim().slice(0, 40) + "' " + contrast.toFixed(2) + ':1');
				  }
				};
				document.querySelectorAll('body *').forEach((element) => {
				  if (element.closest(':disabled') || getComputedStyle(element).visibility !== 'visible') { return; }
				  const text = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE)
				    .map((node) => node.textContent).join('');
				  if (text.trim() || ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName) && element.type !== 'hidden') {
				    check(element, getComputedStyle(element).color, text.trim() || element.value || '');
				  }
				  if (element.placeholder) {
				    check(element, getComputedStyle(element, '::placeholder').color, element.placeholder);
				  }
				});
				return low;""");
	}

	/** The form fields (inputs, dropdowns, text areas) whose text is bolder than normal, as a label's is. */
	@SuppressWarnings("unchecked")
	public List<String> boldFields() {
		return (List<String>) script("""
				return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
				  .filter((field) => Number(getComputedStyle(field).fontWeight) > 400)
				  .map((field) => field.name + ' ' + getComputedStyle(field).fontWeight);""");
	}

	/**
	 * The code blocks that scroll sideways, and the dropdowns too narrow for the option they show
	 * (measured against a copy of the dropdown that holds only that option, at its natural width).
	 */
	@SuppressWarnings("unchecked")
	public List<String> cutOff() {
		return (List<String>) script("""
				const cut = [];
				document.querySelectorAll('pre').forEach((pre) => {
				  if (pre.offsetParent && pre.scrollWidth > pre.clientWidth + 1) {
				    cut.push('pre ' + pre.textContent.trim().slice(0, 40));
				  }
				});
				document.querySelectorAll('select').forEach((select) => {
				  const shown = select.options[select.selectedIndex];
				  if (!select.offsetParent || !shown) { return; }
				  const natural = document.createElement('select');
				  natural.append(new Option(shown.text));
				  natural.style.cssText = 'position: absolute; width: auto; max-width: none; visibility: hidden';
				  select.parentElement.append(natural);
				  if (natural.offsetWidth > select.offsetWidth + 1) {
				    cut.push('select ' + select.name + ' shows ' + select.offsetWidth + ' of ' + natural.offsetWidth + ' px');
				  }
				  natural.remove();
				});
				return cut;""");
	}

	/** The errors the page logged to the console since the last call (CSP violations, failed scripts, …). */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> !message.contains(NETWORK_CHANGED))
			.toList();
	}

	/**
	 * Saves a screenshot of the whole page, not only the part in the window, as target/screenshots/{name}.png.
	 * It is as wide as the window: taken whole, the page has no scroll bar and lays out over the bar's width too.
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			@SuppressWarnings("unchecked")
			Map<String, Long> size = (Map<String, Long>) script(
					"return { width: Math.max(window.innerWidth, document.documentElement.scrollWidth),"
							+ " height: document.documentElement.scrollHeight }");
			Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
					"captureBeyondViewport", true, "clip",
					Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
			Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Logs in through the login form. */
	public Browser logIn(String email, String password) {
		visit("/login");
		type("input[name=email]", email).type("input[name=password]", password).click("form button[type=submit]");
		return this;
	}

	@Override
	public void close() {
		driver.quit();
	}

}
