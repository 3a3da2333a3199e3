package dev.slipway.runtime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How many dynos of one process type an app runs, and their size. */
@Entity
@Table(name = "formations")
public class Formation {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "app_id")
	private long appId;

	@Column(name = "process_type")
	private String processType;

	private int quantity;

	private String size;

	protected Formation() {
	}

	/** Public because {@link DynoRuntime#formation} answers with these, whatever runs the dynos. */
	public Formation(long appId, String processType, int quantity, DynoSize size) {
		this.appId = appId;
		this.processType = processType;
		this.quantity = quantity;
		this.size = size.label();
	}

	public String processType() {
		return processType;
	}

	public int quantity() {
		return quantity;
	}

	public DynoSize size() {
		return DynoSize.of(size).orElse(DynoSize.STANDARD_1X);
	}

	void scale(int quantity, DynoSize size) {
		this.quantity = quantity;
		this.size = size.label();
	}

}
