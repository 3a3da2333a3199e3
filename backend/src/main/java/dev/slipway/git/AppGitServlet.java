package dev.slipway.git;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.errors.SlipwayException;
import dev.slipway.identity.UserPrincipal;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * JGit's smart-HTTP git server at {@code /git/<app>.git}. Before JGit sees a request it checks
 * that the app exists and the user may push to it; a refusal goes back as text/plain, which git
 * prints as {@code remote:} lines.
 */
class AppGitServlet extends GitServlet {

	private static final Pattern APP_PATH = Pattern.compile("^/([^/]+)\\.git(/.*)?$");

	private static final String APP = AppGitServlet.class.getName() + ".app";

	private static final String USER = AppGitServlet.class.getName() + ".user";

	private final transient AppService apps;

	AppGitServlet(AppService apps, AppRepositories repositories, RepositoryLimits limits, AppReceivePacks receivePacks) {
		this.apps = apps;
		setRepositoryResolver((request, name) -> {
			App app = (App) request.getAttribute(APP);
			if (app == null || !name.equals(app.name() + ".git")) {
				throw new ServiceNotEnabledException();
			}
			try {
				return repositories.open(app.name());
			}
			catch (IOException ex) {
				throw new ServiceNotEnabledException("Cannot open the repository of " + app.name(), ex);
			}
		});
		setReceivePackFactory((request, repository) -> receivePacks.create((App) request.getAttribute(APP),
				(UserPrincipal) request.getAttribute(USER), repository));
		addReceivePackFilter((request, response, chain) -> chain.doFilter(
				limits.bounded((HttpServletRequest) request, (App) request.getAttribute(APP)), response));
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		Matcher path = APP_PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
		if (!path.matches()) {
			refuse(response, 404, "Git remotes of Slipway apps look like " + request.getRequestURL()
				.toString()
				.replaceFirst("/git/.*$", "/git/<app>.git"));
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof UserPrincipal user)) {
			refuse(response, 401, "Log in with an API token as the password.");
			return;
		}
		try {
			request.setAttribute(APP, apps.require(path.group(1), user));
			request.setAttribute(USER, user);
		}
		catch (SlipwayException ex) {
			refuse(response, ex.kind().status(), ex.getMessage() + (ex.kind() == SlipwayException.Kind.NOT_FOUND
					? " Create it on the dashboard or with POST /api/apps first." : ""));
			return;
		}
		super.service(request, response);
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
		response.setStatus(status);
		response.setContentType("text/plain; charset=UTF-8");
		response.getWriter().println(message);
	}

}
