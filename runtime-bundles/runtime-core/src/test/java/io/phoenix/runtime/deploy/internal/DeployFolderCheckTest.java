package io.phoenix.runtime.deploy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployFolderCheckTest {

    @TempDir
    Path deploy;

    private Path jar(String name, String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        Path file = deploy.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }

    @Test
    void junkIsReportedOnceBundlesAndOtherDeployablesNever() throws IOException {
        jar("counter.jar", "io.phoenix.examples.counter");
        jar("plain.jar", null);
        Files.writeString(deploy.resolve("notes.txt"), "hello");
        Files.writeString(deploy.resolve("broken.jar"), "this is not a zip");
        Files.writeString(deploy.resolve("features.xml"), "<features/>");
        Files.writeString(deploy.resolve("my.cfg"), "a = b");
        Files.writeString(deploy.resolve(".hidden"), "x");
        Files.writeString(deploy.resolve("README"), "Karaf's own note on hot deployment");
        Files.createDirectory(deploy.resolve("exploded"));
        DeployFolderCheck check = new DeployFolderCheck();
        assertEquals(List.of(), check.scan(List.of(deploy)), "first sight: files may still be being written");
        List<String> problems = check.scan(List.of(deploy));
        String folder = deploy.getFileName().toString();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(folder + "/plain.jar: a jar without OSGi headers")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(folder + "/notes.txt: not a bundle")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(folder + "/broken.jar: not a jar")), problems.toString());
        assertEquals(List.of(), check.scan(List.of(deploy)), "each file once");
    }

    @Test
    void aFileIsJudgedAgainWhenItChangesAndNotWhileItGrows() throws IOException {
        Path file = deploy.resolve("growing.jar");
        Files.writeString(file, "PK partial");
        DeployFolderCheck check = new DeployFolderCheck();
        check.scan(List.of(deploy));
        Files.writeString(file, "PK partial, more bytes");
        assertEquals(List.of(), check.scan(List.of(deploy)), "changed since the last scan: not judged yet");
        jar("growing.jar", "now.a.bundle");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        check.scan(List.of(deploy));
        assertEquals(List.of(), check.scan(List.of(deploy)), "a complete bundle is never reported");
        Files.write(file, "junk again".getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        check.scan(List.of(deploy));
        assertEquals(1, check.scan(List.of(deploy)).size());
    }
}
