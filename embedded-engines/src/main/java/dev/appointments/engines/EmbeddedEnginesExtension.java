package dev.appointments.engines;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that makes sure the JVM's shared embedded engines run before a test
 * class, and injects them into test methods and constructors that ask for
 * {@link EmbeddedEngines}. Tests stay independent by using their own ids, or their own
 * queue names.
 */
public final class EmbeddedEnginesExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedEngines.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedEngines.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return EmbeddedEngines.shared();
    }

}
