package dev.slipway.identity;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Users extends JpaRepository<User, Long> {

	Optional<User> findByEmail(String email);

}
