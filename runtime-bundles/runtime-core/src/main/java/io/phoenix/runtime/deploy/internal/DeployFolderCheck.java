package io.phoenix.runtime.deploy.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

/**
 * Finds the files in hot-deploy folders that Karaf's file install ignores without a word: a {@code .jar} that is not
 * a zip, a jar without OSGi headers, a file of a kind no deployer takes (a text file...). Each such file is reported
 * once (again only when it changes), and only once it is complete: a file is judged when its size and modification
 * time are the same as at the previous scan, so a bundle still being copied is never mistaken for junk.
 *
 * <p>What file install and Karaf's deployers take, and so is never reported: jars whose manifest has a
 * {@code Bundle-SymbolicName}, {@code .kar} archives, {@code .xml} (feature repositories, Blueprint), {@code .cfg} and
 * {@code .config} (configurations), directories (exploded bundles), hidden files, and the {@code README} Karaf ships
 * in {@code deploy/}.
 */
final class DeployFolderCheck {

    /** A file seen at one scan: what it looked like then, and whether it has been judged. */
    private record Seen(long size, long modified, boolean judged) {
    }

    private final Map<Path, Seen> seen = new HashMap<>();

    /**
     * Looks at every file of {@code folders} once.
     *
     * @param folders the hot-deploy folders; missing ones are skipped
     * @return one line per file newly found not to be deployable: {@code "deploy/junk.txt: why"} (the caller logs
     *     them)
     */
    List<String> scan(List<Path> folders) {
        List<String> problems = new ArrayList<>();
        Map<Path, Seen> now = new HashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                for (Path file : files) {
                    BasicFileAttributes attributes;
                    try {
                        attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    } catch (IOException gone) {
                        continue;
                    }
                    if (!attributes.isRegularFile()) {
                        continue;
                    }
                    Seen before = seen.get(file);
                    long size = attributes.size();
                    long modified = attributes.lastModifiedTime().toMillis();
                    boolean unchanged = before != null && before.size == size && before.modified == modified;
                    boolean judged = unchanged && before.judged;
                    if (unchanged && !judged) {
                        String problem = problem(file);
                        if (problem != null) {
                            problems.add(folder.getFileName() + "/" + file.getFileName() + ": " + problem);
                        }
                        judged = true;
                    }
                    now.put(file, new Seen(size, modified, judged));
                }
            } catch (IOException e) {
                // the folder went away or cannot be read: nothing to judge this time
            }
        }
        seen.clear();
        seen.putAll(now);
        return problems;
    }

    /**
     * @param file a complete file in a hot-deploy folder
     * @return why no deployer takes it, or {@code null} when one does (or it is not ours to judge)
     */
    static String problem(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || name.equals("README") || lower.endsWith(".kar") || lower.endsWith(".xml") || lower.endsWith(".cfg")
                || lower.endsWith(".config")) {
            return null;
        }
        if (!lower.endsWith(".jar")) {
            return "not a bundle: only OSGi bundles (.jar), .kar archives, feature or Blueprint .xml files and .cfg"
                    + " configurations are deployed from here; this file is ignored";
        }
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            String symbolicName = manifest == null ? null
                    : manifest.getMainAttributes().getValue(new Attributes.Name("Bundle-SymbolicName"));
            if (symbolicName == null || symbolicName.isBlank()) {
                return "a jar without OSGi headers (no Bundle-SymbolicName in its manifest), not a bundle; it is"
                        + " ignored. Build agent types as bundles (see docs/agent-guide.md)";
            }
            return null;
        } catch (ZipException e) {
            return "not a jar (not a zip archive: " + e.getMessage() + "); it is ignored";
        } catch (IOException | SecurityException e) {
            return "cannot be read as a jar (" + e.getMessage() + "); it is ignored";
        }
    }

    /** @return Karaf's deploy folder ({@code ${karaf.base}/deploy}), for when no file install configuration names one */
    static Path defaultFolder() {
        return Paths.get(System.getProperty("karaf.base", "."), "deploy");
    }
}
