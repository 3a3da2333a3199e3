package dev.slipway.builds;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppBuildpacks extends JpaRepository<AppBuildpack, Long> {
}
