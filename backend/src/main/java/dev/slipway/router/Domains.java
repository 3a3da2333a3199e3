package dev.slipway.router;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Domains extends JpaRepository<Domain, Long> {

	long countByAppId(long appId);


	List<Domain> findByAppIdOrderByHostname(long appId);

	Optional<Domain> findByHostname(String hostname);

	boolean existsByHostname(String hostname);

}
