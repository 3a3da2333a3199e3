package dev.slipway.errors;

/**
 * A request Slipway refuses, with a stable machine-readable {@code code} (for the API's JSON) and a
 * message written for the user that says what is wrong and, where it helps, how to fix it.
 */
public class SlipwayException extends RuntimeException {

	/** What kind of refusal this is; the web adapters map it to an HTTP status. */
	public enum Kind {

		INVALID(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), TOO_LARGE(413);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		public int status() {
			return status;
		}

	}

	private final Kind kind;

	private final String code;

	public SlipwayException(Kind kind, String code, String message) {
		super(message);
		this.kind = kind;
		this.code = code;
	}

	public static SlipwayException invalid(String code, String message) {
		return new SlipwayException(Kind.INVALID, code, message);
	}

	public static SlipwayException notFound(String code, String message) {
		return new SlipwayException(Kind.NOT_FOUND, code, message);
	}

	public static SlipwayException forbidden(String code, String message) {
		return new SlipwayException(Kind.FORBIDDEN, code, message);
	}

	public static SlipwayException conflict(String code, String message) {
		return new SlipwayException(Kind.CONFLICT, code, message);
	}

	public Kind kind() {
		return kind;
	}

	public String code() {
		return code;
	}

}
