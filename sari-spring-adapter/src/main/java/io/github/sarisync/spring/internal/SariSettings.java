package io.github.sarisync.spring.internal;

import io.github.sarisync.client.HostPolicy;
import io.github.sarisync.client.RateLimit;
import io.github.sarisync.client.RetryPolicy;
import io.github.sarisync.client.SARIClient;
import io.github.sarisync.client.SariRequestListener;
import io.github.sarisync.spring.SariProperties;
import io.github.sarisync.sync.SariClientFactory;
import io.github.sarisync.sync.SyncOptions;

/** Turns the bound {@code sari.*} properties into the library's value objects. Not API. */
public final class SariSettings {
    private SariSettings() {
    }

    public static RetryPolicy retryPolicy(SariProperties properties) {
        SariProperties.Retry retry = properties.getClient().getRetry();
        return RetryPolicy.builder()
                .maxRetries(retry.getMaxRetries())
                .initialDelay(retry.getInitialDelay())
                .maxDelay(retry.getMaxDelay())
                .maxTotal(retry.getMaxTotal())
                .build();
    }

    public static RateLimit rateLimit(SariProperties properties) {
        SariProperties.RateLimit limit = properties.getClient().getRateLimit();
        return limit.isEnabled() ? RateLimit.perMinute(limit.getRequestsPerMinute()) : RateLimit.unlimited();
    }

    /**
     * The {@code sari.hosts.*} allow-list; {@code sari.client.base-uri}, when set, is allowed too
     * (the operator named it). {@link HostPolicy#strict()} when nothing is set.
     */
    public static HostPolicy hostPolicy(SariProperties properties) {
        SariProperties.Hosts hosts = properties.getHosts();
        HostPolicy.Builder builder = HostPolicy.builder();
        hosts.getAllowedBaseUris().forEach(builder::allow);
        if (properties.getClient().getBaseUri() != null) {
            builder.allow(properties.getClient().getBaseUri());
        }
        if (hosts.isAllowLoopback()) {
            builder.allowLoopback();
        }
        if (hosts.isAllowPrivateNetworks()) {
            builder.allowPrivateNetworks();
        }
        return builder.build();
    }

    public static SyncOptions syncOptions(SariProperties properties) {
        SariProperties.Sync sync = properties.getSync();
        SyncOptions.Builder builder = SyncOptions.builder()
                .parallelism(sync.getParallelism())
                .memberPolicy(sync.getMemberPolicy())
                .soonWindow(sync.getSoonWindow())
                .emptyFeedThreshold(sync.getEmptyFeedThreshold())
                .emptyFeedMinParts(sync.getEmptyFeedMinParts())
                .defaultInterval(sync.getDefaultInterval())
                .stagger(sync.isStagger())
                .leaseDuration(sync.getLeaseDuration())
                .abandonAfter(sync.getAbandonAfter())
                .runLogRetention(sync.getRunLogRetention())
                .hostPolicy(hostPolicy(properties));
        if (sync.getInstanceId() != null && !sync.getInstanceId().isBlank()) {
            builder.instanceId(sync.getInstanceId());
        }
        return builder.build();
    }

    /**
     * A client factory with the properties' timeouts, body size cap, retry policy, rate limit and
     * address override, reporting every exchange to {@code requestListener}.
     */
    public static SariClientFactory clientFactory(SariProperties properties, SariRequestListener requestListener) {
        SariProperties.Client client = properties.getClient();
        RetryPolicy retry = retryPolicy(properties);
        RateLimit rateLimit = rateLimit(properties);
        return SariClientFactory.customized(builder -> {
            SARIClient.Builder b = builder.connectTimeout(client.getConnectTimeout())
                    .requestTimeout(client.getRequestTimeout())
                    .maxResponseBytes(client.getMaxBodySize().toBytes())
                    .retry(retry)
                    .rateLimit(rateLimit)
                    .requestListener(requestListener);
            if (client.getBaseUri() != null) {
                b.baseUri(client.getBaseUri());
            } else if (client.getEnvironment() != null) {
                b.environment(client.getEnvironment()).baseUri(client.getEnvironment().baseUri());
            }
            return b;
        });
    }
}
