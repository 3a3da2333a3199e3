package dev.slipway.runtime;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SubnetPoolTest {

	@Test
	void handsOutTheFirstSubnetNoNetworkUses() {
		SubnetPool pool = SubnetPool.parse("10.213.0.0/16", 24);
		assertThat(pool.firstFree(List.of())).isEqualTo("10.213.0.0/24");
		assertThat(pool.firstFree(List.of("10.213.0.0/24", "10.213.1.0/24", "172.17.0.0/16"))).isEqualTo("10.213.2.0/24");
		assertThat(pool.firstFree(List.of("10.213.0.0/23", "fd00::/64"))).isEqualTo("10.213.2.0/24");
	}

	@Test
	void skipsWhatAWiderNetworkCovers() {
		assertThat(SubnetPool.parse("10.0.0.0/8", 24).firstFree(List.of("10.0.0.0/9"))).isEqualTo("10.128.0.0/24");
	}

	@Test
	void saysWhenThePoolIsFull() {
		SubnetPool pool = SubnetPool.parse("192.168.50.0/23", 24);
		assertThat(pool.firstFree(List.of("192.168.50.0/24", "192.168.51.0/24"))).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> SubnetPool.parse("10.0.0.0/24", 16));
	}

}
