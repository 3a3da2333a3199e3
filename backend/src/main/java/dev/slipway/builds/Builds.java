package dev.slipway.builds;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Builds extends JpaRepository<Build, Long> {

	List<Build> findByAppIdOrderByIdDesc(long appId, Limit limit);

	/** Of the given apps, those whose newest build has the status. */
	@Query("select b.appId from Build b where b.appId in :appIds and b.status = :status"
			+ " and b.id = (select max(o.id) from Build o where o.appId = b.appId)")
	List<Long> findAppIdsWhoseNewestBuildHas(Collection<Long> appIds, BuildStatus status);

	Optional<Build> findByIdAndAppId(long id, long appId);

	List<Build> findByAppIdAndStatusAndImageIdNotNullOrderByIdDesc(long appId, BuildStatus status);

	List<Build> findByStatusIn(List<BuildStatus> statuses);

	Optional<Build> findFirstByAppIdAndBuildpackAndStatusAndCacheImageNotNullOrderByIdDesc(long appId, String buildpack,
			BuildStatus status);

	List<Build> findByAppIdAndCacheImageNotNull(long appId);

}
