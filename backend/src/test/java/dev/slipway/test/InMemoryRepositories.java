package dev.slipway.test;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.persistence.Id;

import org.springframework.beans.DirectFieldAccessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.parser.Part;
import org.springframework.data.repository.query.parser.PartTree;
import org.springframework.util.ReflectionUtils;

/**
 * Spring Data repositories kept in memory, for tests that run the services above them without a
 * database: {@code save} (publishing the entity's domain events, as Spring Data does), {@code findById},
 * {@code findAll}, {@code delete…} and {@code count}, default methods, and query methods derived from
 * their names (Spring Data's own {@link PartTree}) with equality, null, {@code In} and boolean
 * conditions, ordering and limits. Anything else, such as a {@code @Query}, fails naming the method, so
 * a test never passes on a query it did not run.
 */
public final class InMemoryRepositories {

	private InMemoryRepositories() {
	}

	/** An empty repository of the given interface, which numbers the entities it saves from 1. */
	public static <R> R of(Class<R> repository, ApplicationEventPublisher events) {
		Class<?> domain = ResolvableType.forClass(repository).as(Repository.class).resolveGeneric(0);
		Store store = new Store(domain, events);
		InvocationHandler handler = (proxy, method, args) -> {
			Object[] arguments = args == null ? new Object[0] : args;
			if (method.isDefault()) {
				// Repositories are package-private, which InvocationHandler.invokeDefault refuses to reach.
				return MethodHandles.privateLookupIn(repository, MethodHandles.lookup())
					.unreflectSpecial(method, repository)
					.bindTo(proxy)
					.invokeWithArguments(arguments);
			}
			return switch (method.getName()) {
				case "toString" -> "in-memory " + repository.getSimpleName();
				case "hashCode" -> System.identityHashCode(proxy);
				case "equals" -> proxy == arguments[0];
				default -> store.invoke(method, arguments);
			};
		};
		return repository.cast(Proxy.newProxyInstance(repository.getClassLoader(), new Class<?>[] { repository }, handler));
	}

	private static final class Store {

		private final Class<?> domain;

		private final ApplicationEventPublisher events;

		private final Field id;

		private final Map<Object, Object> entities = new ConcurrentHashMap<>();

		private final AtomicLong ids = new AtomicLong();

		Store(Class<?> domain, ApplicationEventPublisher events) {
			this.domain = domain;
			this.events = events;
			Field[] found = new Field[1];
			ReflectionUtils.doWithFields(domain, field -> found[0] = field, field -> field.isAnnotationPresent(Id.class));
			this.id = Objects.requireNonNull(found[0], () -> domain.getName() + " has no @Id field");
			ReflectionUtils.makeAccessible(id);
		}

		synchronized Object invoke(Method method, Object[] args) {
			return switch (method.getName() + "/" + args.length) {
				case "save/1" -> save(args[0]);
				case "saveAll/1" -> {
					List<Object> saved = new ArrayList<>();
					((Iterable<?>) args[0]).forEach(entity -> saved.add(save(entity)));
					yield saved;
				}
				case "findById/1" -> Optional.ofNullable(entities.get(args[0]));
				case "existsById/1" -> entities.containsKey(args[0]);
				case "findAll/0" -> sorted(entities.values().stream());
				case "count/0" -> (long) entities.size();
				case "deleteById/1" -> {
					entities.remove(args[0]);
					yield null;
				}
				case "delete/1" -> {
					entities.remove(idOf(args[0]));
					yield null;
				}
				case "deleteAll/0" -> {
					entities.clear();
					yield null;
				}
				default -> derived(method, args);
			};
		}

		private Object save(Object entity) {
			Object key = idOf(entity);
			if (key == null) {
				key = ids.incrementAndGet();
				ReflectionUtils.setField(id, entity, key);
			}
			entities.put(key, entity);
			publishEvents(entity);
			return entity;
		}

		private void publishEvents(Object entity) {
			ReflectionUtils.doWithMethods(domain, method -> {
				ReflectionUtils.makeAccessible(method);
				((Collection<?>) ReflectionUtils.invokeMethod(method, entity)).forEach(events::publishEvent);
			}, method -> method.isAnnotationPresent(DomainEvents.class));
			ReflectionUtils.doWithMethods(domain, method -> {
				ReflectionUtils.makeAccessible(method);
				ReflectionUtils.invokeMethod(method, entity);
			}, method -> method.isAnnotationPresent(AfterDomainEventPublication.class));
		}

		private Object idOf(Object entity) {
			return ReflectionUtils.getField(id, entity);
		}

		private Object derived(Method method, Object[] args) {
			PartTree tree = new PartTree(method.getName(), domain);
			Iterator<Object> values = Stream.of(args).filter(arg -> !(arg instanceof Limit)).iterator();
			Predicate<Object> matches = entity -> false;
			for (PartTree.OrPart or : tree) {
				Predicate<Object> all = entity -> true;
				for (Part part : or) {
					all = all.and(condition(method, part, values));
				}
				matches = matches.or(all);
			}
			List<Object> found = sorted(entities.values().stream().filter(matches), tree.getSort());
			long limit = Stream.of(args)
				.filter(Limit.class::isInstance)
				.map(Limit.class::cast)
				.filter(Limit::isLimited)
				.mapToLong(Limit::max)
				.findFirst()
				.orElse(tree.isLimiting() ? tree.getMaxResults() : Long.MAX_VALUE);
			found = found.stream().limit(limit).toList();
			if (tree.isDelete()) {
				found.forEach(entity -> entities.remove(idOf(entity)));
			}
			Class<?> type = method.getReturnType();
			if (tree.isCountProjection() || type == long.class || type == Long.class) {
				return (long) found.size();
			}
			if (tree.isExistsProjection()) {
				return !found.isEmpty();
			}
			if (type == Optional.class) {
				return found.stream().findFirst();
			}
			if (Collection.class.isAssignableFrom(type) || type == Iterable.class) {
				return found;
			}
			return type == void.class ? null : found.stream().findFirst().orElse(null);
		}

		private static Predicate<Object> condition(Method method, Part part, Iterator<Object> values) {
			String property = part.getProperty().toDotPath();
			Object value = part.getNumberOfArguments() > 0 ? values.next() : null;
			Predicate<Object> test = switch (part.getType()) {
				case SIMPLE_PROPERTY -> found -> Objects.equals(found, value);
				case NEGATING_SIMPLE_PROPERTY -> found -> !Objects.equals(found, value);
				case IS_NULL -> Objects::isNull;
				case IS_NOT_NULL -> Objects::nonNull;
				case IN -> ((Collection<?>) value)::contains;
				case NOT_IN -> found -> !((Collection<?>) value).contains(found);
				case TRUE -> Boolean.TRUE::equals;
				case FALSE -> Boolean.FALSE::equals;
				default -> throw new UnsupportedOperationException("The in-memory repository does not derive "
						+ part.getType() + " in " + method.getName());
			};
			return entity -> test.test(new DirectFieldAccessor(entity).getPropertyValue(property));
		}

		private List<Object> sorted(Stream<Object> found) {
			return sorted(found, Sort.unsorted());
		}

		/** In the order asked for, then in the order saved. */
		@SuppressWarnings({ "unchecked", "rawtypes" })
		private List<Object> sorted(Stream<Object> found, Sort sort) {
			Comparator<Object> order = (first, second) -> 0;
			for (Sort.Order by : sort) {
				Comparator<Object> one = Comparator.comparing(
						entity -> (Comparable) new DirectFieldAccessor(entity).getPropertyValue(by.getProperty()),
						Comparator.nullsFirst(Comparator.naturalOrder()));
				order = order.thenComparing(by.isAscending() ? one : one.reversed());
			}
			return found.sorted(order.thenComparing(entity -> (Comparable) idOf(entity))).toList();
		}

	}

}
