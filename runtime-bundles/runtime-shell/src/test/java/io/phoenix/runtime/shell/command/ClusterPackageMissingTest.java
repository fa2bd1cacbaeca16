package io.phoenix.runtime.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.phoenix.agent.api.AgentRuntime;
import io.phoenix.runtime.management.RuntimeManagement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.impl.action.command.ManagerImpl;
import org.apache.karaf.shell.impl.console.RegistryImpl;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The shell bundle on a node without the cluster bundle: its optional import of {@code io.phoenix.cluster}
 * is not wired, so no class of that package loads. Every command and completer must still pass what Karaf
 * does to it (read its fields and methods, instantiate it with its references) and the cluster commands
 * must print the one "not part of a cluster" line, even where a cluster service is registered but this
 * bundle cannot use it.
 */
class ClusterPackageMissingTest {

    /** Loads this bundle's classes itself, everything else from the test class path, and no cluster class. */
    static final class WithoutClusterPackage extends URLClassLoader {

        WithoutClusterPackage(URL bundleClasses) {
            super(new URL[] {bundleClasses}, ClusterPackageMissingTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.phoenix.cluster.")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith("io.phoenix.runtime.shell.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : findClass(name);
            }
        }
    }

    private final BundleContext bundleContext = mock(BundleContext.class);

    @Test
    void everyCommandAndCompleterLoadsAndTheClusterOnesSaySoInOneLine() throws Exception {
        // The worst case: the cluster bundle came after this one, which was not refreshed.
        ServiceReference<?> reference = mock(ServiceReference.class);
        doReturn(reference).when(bundleContext).getServiceReference(ClusterCommandSupport.CLUSTER_SERVICE);
        doReturn(new Object()).when(bundleContext).getService(reference);
        RegistryImpl registry = new RegistryImpl(null);
        registry.register(mock(AgentRuntime.class));
        registry.register(mock(RuntimeManagement.class));
        registry.register(bundleContext);
        ManagerImpl manager = new ManagerImpl(registry, registry);

        Path classes = Path.of(PhoenixCommandSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> checked = new ArrayList<>();
        try (WithoutClusterPackage loader = new WithoutClusterPackage(classes.toUri().toURL())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(ClusterCommandSupport.CLUSTER_SERVICE));
            Class<?> clusterCommand = loader.loadClass(ClusterCommandSupport.class.getName());
            for (String name : classNames(classes)) {
                Class<?> type = loader.loadClass(name);
                if (type.getAnnotation(Service.class) == null) {
                    continue;
                }
                inspectLikeKaraf(type);
                Object instance = manager.instantiate(type, registry);
                if (clusterCommand.isInstance(instance)) {
                    assertEquals("Error: " + ClusterCommandSupport.NOT_IN_CLUSTER + "\n", run((Action) instance), name);
                } else if (instance instanceof Completer completer && name.endsWith("NodeIdCompleter")) {
                    List<String> candidates = new ArrayList<>();
                    completer.complete(null, typedNothing(), candidates);
                    assertEquals(List.of(), candidates);
                }
                checked.add(type.getSimpleName());
            }
        }
        assertTrue(checked.containsAll(List.of("ClusterNodesCommand", "ClusterStatusCommand", "AgentWhereCommand",
                "AgentMigrateCommand", "RebalanceCommand", "NodeIdCompleter", "AgentListCommand", "StatusCommand")),
                checked.toString());
    }

    /** What Karaf's command extension does to a {@code @Service} class when the bundle starts. */
    private static void inspectLikeKaraf(Class<?> type) {
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getAnnotation(Reference.class) != null) {
                    assertNotNull(field.getGenericType());
                }
            }
            assertNotNull(c.getDeclaredMethods());
        }
    }

    private static String run(Action command) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.getClass().getMethod("setErr", PrintStream.class)
                .invoke(command, new PrintStream(err, true, StandardCharsets.UTF_8));
        command.execute();
        return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static CommandLine typedNothing() {
        CommandLine line = mock(CommandLine.class);
        when(line.getCursorArgument()).thenReturn("");
        when(line.getBuffer()).thenReturn("");
        return line;
    }

    private static List<String> classNames(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace(".class", "").replace('/', '.'))
                    .sorted().toList();
        }
    }
}
