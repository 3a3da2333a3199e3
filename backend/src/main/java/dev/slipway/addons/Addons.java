package dev.slipway.addons;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Addons extends JpaRepository<Addon, Long> {

	List<Addon> findByAppIdOrderByCreatedAt(long appId);

	Optional<Addon> findByAppIdAndName(long appId, String name);

	List<Addon> findAllByOrderByAppId();

	long countByAppIdIn(Collection<Long> appIds);

}
