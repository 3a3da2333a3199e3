package dev.slipway.apps;

/**
 * A Thymeleaf fragment that the app page includes: a section's, or one of its live parts, which sits
 * in the same template, such as {@code builds-table} beside {@code builds} in {@code build/sections}.
 */
public record AppPageFragment(String template, String name) {

	public AppPageFragment {
		if (template.isBlank() || name.isBlank() || name.contains("::")) {
			throw new IllegalArgumentException("A fragment is a template and a fragment name in it, not '"
					+ template + "' and '" + name + "'");
		}
	}

	/** Another fragment of the same template. */
	public AppPageFragment sibling(String otherName) {
		return new AppPageFragment(template, otherName);
	}

	/** The fragment as Thymeleaf names it, {@code template :: name}. */
	public String reference() {
		return template + " :: " + name;
	}

}
