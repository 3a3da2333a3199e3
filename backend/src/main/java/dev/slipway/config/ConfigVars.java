package dev.slipway.config;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConfigVars extends JpaRepository<ConfigVar, Long> {

	List<ConfigVar> findByAppId(long appId);

}
