package dev.ca4.processor.health;

import dev.ca4.processor.api.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once configuration is loaded; an API without any key could never accept an event. */
@Startup
@ApplicationScoped
public class ApiKeysStartupCheck implements HealthCheck {

    @Inject
    ApiKeys keys;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("api-keys").status(keys.count() > 0).withData("keys", keys.count()).build();
    }
}
