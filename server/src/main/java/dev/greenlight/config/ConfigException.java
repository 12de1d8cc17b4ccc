package dev.greenlight.config;

/** A configuration that cannot be used; the message names the file (and line) at fault. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}
