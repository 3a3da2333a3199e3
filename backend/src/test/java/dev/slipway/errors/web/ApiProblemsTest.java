package dev.slipway.errors.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import dev.slipway.apps.App;
import dev.slipway.apps.AppService;
import dev.slipway.identity.UserPrincipal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Walks every endpoint of the API with Docker failing under each of them (every collaborator of the
 * controllers throws what docker-java throws when the engine fails), and finds each error answered
 * as a problem document with a code.
 */
class ApiProblemsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What docker-java throws when the engine fails a call. */
	private static final Answer<Object> DOCKER_FAILS = invocation -> {
		throw new InternalServerErrorException("{\"message\":\"injected Docker failure\"}");
	};

	private final App app = mock(App.class);

	private final UserPrincipal user = mock(UserPrincipal.class);

	private MockMvc mvc;

	private List<Endpoint> endpoints;

	record Endpoint(HttpMethod method, String path) {
	}

	@BeforeEach
	void controllersOverFailingDocker() throws Exception {
		when(app.name()).thenReturn("shop");
		when(app.id()).thenReturn(1L);
		when(user.email()).thenReturn("owner@slipway.test");
		when(user.mayManage(any(Long.class))).thenReturn(true);
		AppService apps = mock(AppService.class, DOCKER_FAILS);
		doReturn(app).when(apps).require(any(), any());
		List<Object> controllers = new ArrayList<>();
		endpoints = new ArrayList<>();
		for (Class<?> type : restControllers()) {
			controllers.add(instantiate(type, apps));
			endpoints.addAll(endpoints(type));
		}
		mvc = MockMvcBuilders.standaloneSetup(controllers.toArray())
			.setControllerAdvice(new ApiErrorHandler())
			.setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
			.build();
	}

	@AfterEach
	void forgetTheUser() {
		SecurityContextHolder.clearContext();
	}

	/** On the test's own thread: JUnit may run a test on another thread than its set-up. */
	private void signIn() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
	}

	@Test
	void everyErrorOfEveryEndpointIsAProblemDocumentWithACode() throws Exception {
		signIn();
		assertThat(endpoints).hasSizeGreaterThan(20);
		List<String> answered = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			MockHttpServletResponse response = call(endpoint);
			String what = endpoint + " answered " + response.getStatus() + " " + response.getContentType() + ": "
					+ response.getContentAsString();
			if (response.getStatus() < 400) {
				continue;
			}
			assertThat(MediaType.parseMediaType(response.getContentType()).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.as(what)
				.isTrue();
			JsonNode problem = JSON.readTree(response.getContentAsString());
			assertThat(problem.path("code").asString("")).as(what).isNotBlank();
			assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.getStatus());
			assertThat(problem.path("detail").asString("")).as(what).isNotBlank();
			answered.add(what);
		}
		assertThat(answered).as("endpoints that failed with Docker").hasSizeGreaterThan(endpoints.size() / 2)
			.anyMatch(answer -> answer.contains("injected Docker failure") && answer.contains("\"code\":\"internal_error\""));
	}

	@Test
	void springsOwnRefusalsAreProblemDocumentsToo() throws Exception {
		signIn();
		MockHttpServletResponse unreadable = mvc
			.perform(request(HttpMethod.POST, "/api/apps").contentType(MediaType.APPLICATION_JSON).content("{oops"))
			.andReturn()
			.getResponse();
		assertThat(unreadable.getStatus()).isEqualTo(400);
		assertThat(JSON.readTree(unreadable.getContentAsString()).get("code").asString()).isEqualTo("invalid_json");

		MockHttpServletResponse unsupported = mvc
			.perform(request(HttpMethod.POST, "/api/apps").contentType(MediaType.TEXT_PLAIN).content("shop"))
			.andReturn()
			.getResponse();
		assertThat(unsupported.getStatus()).isEqualTo(415);
		assertThat(JSON.readTree(unsupported.getContentAsString()).get("code").asString()).isEqualTo("unsupported_media_type");
	}

	private MockHttpServletResponse call(Endpoint endpoint) throws Exception {
		var request = request(endpoint.method(), endpoint.path()).accept(MediaType.ALL);
		if (Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH).contains(endpoint.method())) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		MvcResult result = mvc.perform(request).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = mvc.perform(asyncDispatch(result)).andReturn();
		}
		return result.getResponse();
	}

	private static List<Class<?>> restControllers() throws ClassNotFoundException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("dev.slipway")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			if (AnnotatedElementUtils.hasAnnotation(type, RequestMapping.class)
					|| List.of(type.getDeclaredMethods()).stream().anyMatch(m -> AnnotatedElementUtils.hasAnnotation(m, RequestMapping.class))) {
				types.add(type);
			}
		}
		return types;
	}

	/** The controller over collaborators that fail as Docker does; the app's lookup alone succeeds. */
	private static Object instantiate(Class<?> type, AppService apps) throws Exception {
		Constructor<?> constructor = type.getDeclaredConstructors()[0];
		constructor.setAccessible(true);
		Object[] arguments = new Object[constructor.getParameterCount()];
		for (int i = 0; i < arguments.length; i++) {
			Class<?> parameter = constructor.getParameterTypes()[i];
			if (parameter == AppService.class) {
				arguments[i] = apps;
			}
			else if (parameter == TaskExecutor.class) {
				arguments[i] = (TaskExecutor) Runnable::run;
			}
			else {
				arguments[i] = mock(parameter, DOCKER_FAILS);
			}
		}
		return constructor.newInstance(arguments);
	}

	private static List<Endpoint> endpoints(Class<?> type) {
		RequestMapping base = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
		List<String> prefixes = base == null || base.path().length == 0 ? List.of("") : List.of(base.path());
		List<Endpoint> endpoints = new ArrayList<>();
		for (Method method : type.getDeclaredMethods()) {
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
			if (mapping == null) {
				continue;
			}
			List<String> paths = mapping.path().length == 0 ? List.of("") : List.of(mapping.path());
			for (String prefix : prefixes) {
				for (String path : paths) {
					for (RequestMethod verb : mapping.method()) {
						String full = (prefix + path).replaceAll("\\{[^}]+}", "x");
						if (full.startsWith("/api/")) {
							endpoints.add(new Endpoint(verb.asHttpMethod(), full));
						}
					}
				}
			}
		}
		return endpoints;
	}

}
