package dev.slipway.config;

import java.util.List;

/** Published when an app's config vars change: which keys, by whom. Never the values. */
public record ConfigVarsChanged(long appId, String app, List<String> set, List<String> unset, String author) {
}
