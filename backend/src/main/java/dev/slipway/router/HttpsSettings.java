package dev.slipway.router;

import org.springframework.data.jpa.repository.JpaRepository;

interface HttpsSettings extends JpaRepository<HttpsSetting, Long> {

}
