package dev.slipway.runtime;

import org.springframework.data.jpa.repository.JpaRepository;

interface Deployments extends JpaRepository<Deployment, Long> {
}
