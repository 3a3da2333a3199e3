package dev.slipway.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SshKeys extends JpaRepository<SshKey, Long> {

	long countByUserId(long userId);

	Optional<SshKey> findByFingerprint(String fingerprint);

	List<SshKey> findByUserIdOrderByCreatedAtDesc(Long userId);

}
