package dev.slipway.runtime;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Formations extends JpaRepository<Formation, Long> {

	List<Formation> findByAppIdOrderByProcessType(long appId);

	Optional<Formation> findByAppIdAndProcessType(long appId, String processType);

}
