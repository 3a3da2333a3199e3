package dev.slipway.config;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConfigChanges extends JpaRepository<ConfigChange, Long> {

	List<ConfigChange> findByAppIdOrderByIdDesc(long appId, Limit limit);

}
