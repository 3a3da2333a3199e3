package dev.slipway.releases;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Releases extends JpaRepository<Release, Long> {

	List<Release> findByAppIdOrderByVersionDesc(long appId, Limit limit);

	Optional<Release> findFirstByAppIdAndStatusOrderByVersionDesc(long appId, ReleaseStatus status);

	Optional<Release> findByAppIdAndVersion(long appId, int version);

	List<Release> findByAppIdAndStatusOrderByVersionDesc(long appId, ReleaseStatus status, Limit limit);

	List<Release> findByAppIdAndStatusOrderByVersionAsc(long appId, ReleaseStatus status);

	@Query("select coalesce(max(r.version), 0) from Release r where r.appId = ?1")
	int lastVersion(long appId);

}
