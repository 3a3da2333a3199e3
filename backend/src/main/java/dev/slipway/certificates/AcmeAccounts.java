package dev.slipway.certificates;

import org.springframework.data.jpa.repository.JpaRepository;

interface AcmeAccounts extends JpaRepository<AcmeAccount, String> {

}
