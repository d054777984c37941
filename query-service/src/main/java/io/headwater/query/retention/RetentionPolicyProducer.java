package io.headwater.query.retention;

import io.headwater.contract.retention.RetentionPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;

/** The deployment's retention periods, from headwater.retention.* (HEADWATER_RETENTION_*), as the topic tools apply them. */
@ApplicationScoped
public class RetentionPolicyProducer {

    @Produces
    @jakarta.inject.Singleton
    RetentionPolicy policy(Config config) {
        return RetentionPolicy.from(name -> config.getOptionalValue(name, String.class));
    }
}
