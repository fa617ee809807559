package se.kommun.kvalitet.shared;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every variable of one process, typed, in one place. A module declares each of its processes as a bean of this
 * type with a no-argument constructor (the model check instantiates it without Spring).
 */
public interface ProcessVariables {

    /** The BPMN process id. */
    String processKey();

    List<ProcessVariable<?>> variables();

    default Set<String> names() {
        return variables().stream().map(ProcessVariable::name).collect(Collectors.toUnmodifiableSet());
    }

    default Set<String> serverOnlyNames() {
        return variables().stream().filter(ProcessVariable::serverOnly).map(ProcessVariable::name)
                .collect(Collectors.toUnmodifiableSet());
    }
}
