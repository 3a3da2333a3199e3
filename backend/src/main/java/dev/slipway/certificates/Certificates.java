package dev.slipway.certificates;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Certificates extends JpaRepository<Certificate, Long> {

	List<Certificate> findByAppIdOrderByHostname(Long appId);

	Optional<Certificate> findByHostname(String hostname);

}
