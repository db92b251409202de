package org.activebench.cli;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The CLI in a JVM of its own, as the launcher starts it: for tests that kill it or change its class path. */
final class ChildCli {
    private ChildCli() {
    }

    /**
     * @param classPath  which entries of this JVM's class path the child gets
     * @param properties extra {@code -D} settings
     */
    static ProcessBuilder of(Path workDir, Predicate<String> classPath, List<String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-modules") || a.startsWith("--enable-native-access") || a.startsWith("-Xmx")).toList());
        command.addAll(properties);
        command.addAll(List.of("-cp", Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(classPath).collect(Collectors.joining(File.pathSeparator)), ActiveBenchCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
    }
}
