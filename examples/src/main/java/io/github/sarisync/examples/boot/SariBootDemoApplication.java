package io.github.sarisync.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small Spring Boot host of sari-sync: the adapter on an in-memory H2 database, the in-process
 * SARI simulator with two demo driving schools as its SARI, a sync at start-up and then every
 * minute, and the Actuator endpoint {@code sari}. Run it from the repository root with
 * <pre>{@code mvn -B -q -pl examples -am -DskipTests package exec:java@boot}</pre>
 * and open {@code http://localhost:8080/actuator/sari}.
 */
@SpringBootApplication
public class SariBootDemoApplication {

    public static void main(String[] args) {
        SpringApplication.run(SariBootDemoApplication.class, args);
    }
}
