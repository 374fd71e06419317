package io.newsflow.localstack;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code KafkaCompanion} field of a test that uses {@link LocalStackResource}: the resource sets it to a
 * companion on the stack's broker, shared by the test classes of the JVM (do not close it).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectKafkaCompanion {
}
