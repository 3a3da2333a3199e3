package dev.slipway.builds;

/** A line of a build's output with its number (from 1). */
public record OutputLine(int number, String text) {
}
