package se.kommun.kvalitet.shared;

import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable, declared once with its type and with who may write it. Java reads and writes it only through
 * this declaration; the engine's client guard refuses every {@link Writer#SERVER} variable from a client, and the
 * model check holds the BPMN, the forms, the element templates and the Tasklist filters to the declared names.
 */
public record ProcessVariable<T>(String name, Class<T> type, Writer writer) {

    /** Who writes the variable: a client through a form field, or only the server (our delegates, the engine). */
    public enum Writer {
        CLIENT, SERVER
    }

    public ProcessVariable {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(writer);
    }

    public static <T> ProcessVariable<T> server(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, Writer.SERVER);
    }

    public static <T> ProcessVariable<T> client(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, Writer.CLIENT);
    }

    public boolean serverOnly() {
        return writer == Writer.SERVER;
    }

    /** The value, or empty when the variable is not set; a value of another type is a modelling error. */
    public Optional<T> find(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            throw new IllegalStateException("Process variable '" + name + "' holds a " + value.getClass().getName()
                    + ", declared as " + type.getName());
        }
        return Optional.of(type.cast(value));
    }

    /** The value, which the process must have set by now. */
    public T in(VariableScope scope) {
        return find(scope).orElseThrow(() -> new IllegalStateException("Process variable '" + name
                + "' is not set"));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }
}
