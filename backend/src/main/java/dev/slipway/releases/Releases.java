package dev.slipway.releases;

import java.util.Collection;
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

	Optional<Release> findFirstByAppIdOrderByVersionDesc(long appId);

	/** The newest release with the status of each of the given apps that has one. */
	@Query("select r from Release r where r.appId in :appIds and r.status = :status"
			+ " and r.version = (select max(o.version) from Release o where o.appId = r.appId and o.status = :status)")
	List<Release> findNewestByAppIdInAndStatus(Collection<Long> appIds, ReleaseStatus status);

	/** Of the given apps, those whose newest release has the status. */
	@Query("select r.appId from Release r where r.appId in :appIds and r.status = :status"
			+ " and r.version = (select max(o.version) from Release o where o.appId = r.appId)")
	List<Long> findAppIdsWhoseNewestReleaseHas(Collection<Long> appIds, ReleaseStatus status);

	/** The app's newest version, 0 before its first release. */
	default int lastVersion(long appId) {
		return findFirstByAppIdOrderByVersionDesc(appId).map(Release::version).orElse(0);
	}

}
