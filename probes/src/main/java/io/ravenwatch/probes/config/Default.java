package io.ravenwatch.probes.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a record component of a configuration record takes when its key is absent, written as
 * it would be in YAML (e.g. {@code "5s"}, {@code "200"}, {@code "GET"}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
  String value();
}
