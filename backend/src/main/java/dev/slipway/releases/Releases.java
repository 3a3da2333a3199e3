package dev.slipway.releases;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface Releases extends JpaRepository<Release, Long> {

	List<Release> findByAppIdOrderByVersionDesc(long appId, Limit limit);

	Optional<Release> findFirstByAppIdAndStatusOrderByVersionDesc(long appId, ReleaseStatus status);

	Optional<Release> findByAppIdAndVersion(long appId, int version);

	List<Release> findByAppIdAndStatusOrderByVersionDesc(long appId, ReleaseStatus status, Limit limit);

	List<Release> findByAppIdAndStatusOrderByVersionAsc(long appId, ReleaseStatus status);

	Optional<Release> findFirstByAppIdOrderByVersionDesc(long appId);


	/** The app's newest version, 0 before its first release. */
	default int lastVersion(long appId) {
		return findFirstByAppIdOrderByVersionDesc(appId).map(Release::version).orElse(0);
	}

}
