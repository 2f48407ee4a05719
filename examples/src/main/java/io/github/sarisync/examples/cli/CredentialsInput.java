package io.github.sarisync.examples.cli;

import io.github.sarisync.client.SariCredentials;

import java.io.Console;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a school's SARI credentials from {@code SARI_CLIENT_ID}, {@code SARI_CLIENT_SECRET},
 * {@code SARI_USERNAME}, {@code SARI_PASSWORD}, prompting on the terminal for the ones that are
 * not set. Secret and password are read without echo; none of the four is ever printed.
 */
final class CredentialsInput {
    static final String CLIENT_ID = "SARI_CLIENT_ID";
    static final String CLIENT_SECRET = "SARI_CLIENT_SECRET";
    static final String USERNAME = "SARI_USERNAME";
    static final String PASSWORD = "SARI_PASSWORD";

    private CredentialsInput() {
    }

    /**
     * @throws CliException (exit 2) when a value is missing and there is no terminal to ask
     */
    static SariCredentials read(CliEnvironment env, String forWhom) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD)) {
            if (blank(env.env().get(name))) {
                missing.add(name);
            }
        }
        Console console = env.console();
        if (!missing.isEmpty() && console == null) {
            throw CliException.config("no SARI credentials for " + forWhom + ": set " + String.join(", ", missing)
                    + " (or run in a terminal to be asked)");
        }
        String clientId = value(env, console, CLIENT_ID, "SARI client id", false);
        String clientSecret = value(env, console, CLIENT_SECRET, "SARI client secret", true);
        String username = value(env, console, USERNAME, "SARI username", false);
        String password = value(env, console, PASSWORD, "SARI password", true);
        try {
            return new SariCredentials(clientId, clientSecret, username, password);
        } catch (IllegalArgumentException e) {
            throw CliException.config(e.getMessage());
        }
    }

    private static String value(CliEnvironment env, Console console, String name, String label, boolean secret) {
        String fromEnv = env.env().get(name);
        if (!blank(fromEnv)) {
            return fromEnv.trim();
        }
        if (secret) {
            char[] typed = console.readPassword("%s (not shown): ", label);
            if (typed == null) {
                throw CliException.config("no " + label + " entered");
            }
            String value = new String(typed).trim();
            Arrays.fill(typed, ' ');
            return value;
        }
        String typed = console.readLine("%s: ", label);
        if (typed == null) {
            throw CliException.config("no " + label + " entered");
        }
        return typed.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
