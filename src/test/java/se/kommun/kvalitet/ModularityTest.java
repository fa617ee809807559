package se.kommun.kvalitet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module; only its top-level public types are visible to others, and each module
 * may use only the modules its package-info.java lists in {@code allowedDependencies}: a new dependency fails
 * {@link #modulesRespectTheirBoundaries()} until it is declared there (and so reviewed).
 */
class ModularityTest {

    /** Committed module documentation (Spring Modulith's PlantUML diagrams and module canvases). */
    static final Path DOCS = Path.of("docs", "modules");
    /** {@code -Dkvalitet.modules.update-docs=true} rewrites {@link #DOCS} instead of comparing with it. */
    static final String UPDATE_PROPERTY = "kvalitet.modules.update-docs";

    private final ApplicationModules modules = ApplicationModules.of(KvalitetApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void committedModuleDocumentationMatchesTheCode() throws IOException {
        Path generated = Boolean.getBoolean(UPDATE_PROPERTY) ? DOCS : Path.of("target", "modules-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.toList()) {
                Files.writeString(file, inStableOrder(Files.readString(file)));
            }
        }

        assertThat(contents(DOCS))
                .as("docs/modules is stale: regenerate with ./mvnw -o test -Dtest=ModularityTest -D%s=true and commit it",
                        UPDATE_PROPERTY)
                .isEqualTo(contents(generated));
    }

    /**
     * The Documenter lists relations, components and canvas items in an order that varies between runs: each run
     * of such lines is sorted, so the files compare and regenerate without noise.
     */
    static String inStableOrder(String text) {
        List<String> lines = text.lines().toList();
        List<String> ordered = new ArrayList<>();
        for (int start = 0; start < lines.size(); ) {
            String kind = kind(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))
                    && !lines.get(end).startsWith("|")) {
                end++;
            }
            List<String> run = new ArrayList<>(lines.subList(start, end));
            if (kind != null) {
                // An AsciiDoc table cell's first list item carries the cell's "|".
                boolean cell = run.get(0).startsWith("|");
                run.replaceAll(line -> line.startsWith("|") ? line.substring(1) : line);
                run.sort(null);
                if (cell) {
                    run.set(0, "|" + run.get(0));
                }
            }
            ordered.addAll(run);
            start = end;
        }
        return String.join("\n", ordered) + (text.endsWith("\n") ? "\n" : "");
    }

    private static String kind(String line) {
        if (line.startsWith("Rel(")) {
            return "relation";
        }
        if (line.trim().startsWith("Component(")) {
            return "component";
        }
        return line.matches("\\|?\\* .*") ? "item" : null;
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            paths.filter(Files::isRegularFile).forEach(file -> files.put(file.getFileName().toString(), read(file)));
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
