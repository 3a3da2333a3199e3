package dev.slipway.runtime;

/** A change to one process type's formation: a new quantity, a new size, or both (null leaves it). */
public record FormationUpdate(String type, Integer quantity, String size) {
}
