package io.github.sarisync.credentials;

import io.github.sarisync.client.SariCredentials;
import io.github.sarisync.memory.InMemorySyncLogStore;
import io.github.sarisync.spi.SyncRun;
import io.github.sarisync.spi.TenantStore;
import io.github.sarisync.sync.SyncListener;
import io.github.sarisync.sync.SyncReport;
import io.github.sarisync.sync.TenantSyncResult;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Collects the texts a sync leaves behind and finds forbidden values in them. */
final class LeakCheck {
    private final List<String> texts = new ArrayList<>();
    private final List<String> forbidden = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();

    /** Client secret and password, plain and URL-encoded (as they travel in the token request). */
    LeakCheck forbidSecretsOf(SariCredentials credentials) {
        for (String secret : List.of(credentials.clientSecret(), credentials.password())) {
            forbidden.add(secret);
            forbidden.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        return this;
    }

    LeakCheck forbid(Collection<String> values) {
        forbidden.addAll(values);
        return this;
    }

    LeakCheck forbid(Pattern pattern) {
        patterns.add(pattern);
        return this;
    }

    List<String> texts() {
        return texts;
    }

    void add(String text) {
        texts.add(String.valueOf(text));
    }

    void addAll(Collection<String> more) {
        more.forEach(this::add);
    }

    /** The exception, its causes and suppressed exceptions, each as {@code toString()}. */
    void addThrown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            add(t.toString());
            for (Throwable s : t.getSuppressed()) {
                addThrown(s);
            }
        }
    }

    /** The report, each tenant result with its error message and warnings, the failed tenants. */
    void addReport(SyncReport report) {
        add(report.toString());
        add(report.failedTenants().toString());
        report.results().forEach(r -> {
            add(r.toString());
            add(r.errorMessage());
            addAll(r.warnings());
        });
    }

    /** Every tenant with its schedule state, and every run-log row. */
    /** A listener that adds every tenant result and every report of a sync to this check. */
    SyncListener listener() {
        return new SyncListener() {
            @Override
            public void tenantFinished(TenantSyncResult result) {
                add(result.toString());
            }

            @Override
            public void runFinished(SyncReport report) {
                addReport(report);
            }
        };
    }

    void addStores(TenantStore tenants, InMemorySyncLogStore runLog) {
        tenants.findAll().forEach(t -> {
            add(t.toString());
            runLog.recentRuns(t.id(), 1000).stream().map(SyncRun::toString).forEach(this::add);
        });
        runLog.lastRunPerTenant().forEach(r -> add(r.toString()));
    }

    /** Each forbidden value or pattern found, with the text it was found in. */
    List<String> leaks() {
        List<String> leaks = new ArrayList<>();
        for (String text : texts) {
            for (String value : forbidden) {
                if (text.contains(value)) {
                    leaks.add("'" + value + "' in: " + text);
                }
            }
            for (Pattern pattern : patterns) {
                if (pattern.matcher(text).find()) {
                    leaks.add("/" + pattern + "/ in: " + text);
                }
            }
        }
        return leaks;
    }
}
