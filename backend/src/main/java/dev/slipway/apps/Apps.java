package dev.slipway.apps;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Apps extends JpaRepository<App, Long> {

	long countByOwnerId(long ownerId);


	Optional<App> findByName(String name);

	boolean existsByName(String name);

	List<App> findAllByOrderByNameAsc();

	List<App> findByOwnerIdOrderByNameAsc(long ownerId);

}
