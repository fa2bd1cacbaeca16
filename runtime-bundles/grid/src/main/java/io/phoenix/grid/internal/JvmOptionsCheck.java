package io.phoenix.grid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Checks, before anything touches Ignite, that the JVM was started with the {@code --add-opens} options the
 * embedded grid needs (the distribution's {@code bin/setenv} carries them; a stock Karaf does not). Without
 * {@code java.nio} Ignite's static initialisation fails ("DirectByteBuffer.address field is unavailable" /
 * {@code InaccessibleObjectException}) and every later use of its utility class throws
 * {@code NoClassDefFoundError: Could not initialize class ...IgniteUtils}; the others are needed when replicated
 * values hold such JDK types. Checking first turns that into one ERROR line naming the missing options.
 */
final class JvmOptionsCheck {

    /** The packages of {@code java.base} the grid needs opened to the unnamed modules, as {@code bin/setenv} does. */
    static final List<String> OPENED_PACKAGES = List.of(
            "java.nio", "java.time", "java.util.concurrent", "java.util.concurrent.locks");

    private JvmOptionsCheck() {
    }

    /**
     * @param reader the module the grid's classes (and Ignite's, embedded in the same bundle) live in
     * @return one line naming every missing option and where to add it, or {@code null} if none is missing
     */
    static String problem(Module reader) {
        return problem(pkg -> Object.class.getModule().isOpen(pkg, reader));
    }

    /** As {@link #problem(Module)}, with the question "is this package of java.base open to us?" given. */
    static String problem(Predicate<String> isOpen) {
        List<String> missing = new ArrayList<>();
        for (String pkg : OPENED_PACKAGES) {
            if (!isOpen.test(pkg)) {
                missing.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
            }
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "the JVM lacks the option" + (missing.size() == 1 ? " " : "s ") + String.join(" ", missing)
                + " that the embedded data grid (Apache Ignite) needs; add "
                + (missing.size() == 1 ? "it" : "them") + " to the JVM's options (e.g. EXTRA_JAVA_OPTS in bin/setenv,"
                + " as Phoenix's distribution does) and restart";
    }
}
