package dev.slipway.builds;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface Builds extends JpaRepository<Build, Long> {

	List<Build> findByAppIdOrderByIdDesc(long appId, Limit limit);


	Optional<Build> findByIdAndAppId(long id, long appId);

	List<Build> findByAppIdAndStatusAndImageIdNotNullOrderByIdDesc(long appId, BuildStatus status);

	List<Build> findByStatusIn(List<BuildStatus> statuses);

	Optional<Build> findFirstByAppIdAndBuildpackAndStatusAndCacheImageNotNullOrderByIdDesc(long appId, String buildpack,
			BuildStatus status);

	List<Build> findByAppIdAndCacheImageNotNull(long appId);

}
