package io.newsflow.enrich.config;

import io.newsflow.enrich.delivery.KafkaReachability;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one {@link KafkaReachability} of the service, shared by the consumer, readiness and metrics. */
public class DeliveryProducer {

    @Produces
    @Singleton
    KafkaReachability kafkaReachability() {
        return new KafkaReachability(Clock.systemUTC());
    }
}
