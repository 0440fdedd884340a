package io.ravenwatch.probes.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component of a configuration record whose key may be absent: it is then {@code
 * null} (an empty list or map for collections). Components with neither this nor {@link Default}
 * are required.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OptionalKey {}
