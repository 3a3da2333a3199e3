package dev.slipway.secrets;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a string column encrypted with the {@link SecretBox}. */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

	private final SecretBox box;

	public EncryptedString(SecretBox box) {
		this.box = box;
	}

	@Override
	public String convertToDatabaseColumn(String plaintext) {
		return box.encrypt(plaintext);
	}

	@Override
	public String convertToEntityAttribute(String stored) {
		return box.decrypt(stored);
	}

}
