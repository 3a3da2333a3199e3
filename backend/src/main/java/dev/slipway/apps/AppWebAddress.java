package dev.slipway.apps;

/** The address an app answers at, from the module that routes to it: APIs show it as {@code web_url}. */
public interface AppWebAddress {

	String url(String app);

}
