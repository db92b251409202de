package org.activebench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.activebench.core.ActiveBenchException;
import org.activebench.experiment.AtomicFiles;
import org.activebench.experiment.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code activebench slurm CONFIG --array N}: a job array of N shards of the study and a dependent job that merges
 * them, written to {@code OUT/slurm/} and submitted with {@code sbatch} (printed only, with {@code --dry-run}).
 */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = "Submit the study as a Slurm job array (one task per shard, logs in RESULTS_DIR/slurm/logs) and a "
                + "job that merges the results once every task has ended (--dependency=afterany). Submitting the same "
                + "command again computes only what is missing.")
final class SlurmCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "Experiment config (JSON).")
    Path config;

    @Option(names = "--array", paramLabel = "N", required = true, description = "Array tasks, one shard each.")
    int array;

    @Option(names = "--out", paramLabel = "DIR", description = "Shared results directory (default: results/<config name>).")
    Path out;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "Time limit per task, as sbatch takes it (e.g. 2:00:00).")
    String time;

    @Option(names = "--cpus", paramLabel = "C", description = "CPUs per task, its trial threads (default ${DEFAULT-VALUE}).")
    int cpus = 1;

    @Option(names = "--mem", paramLabel = "M", description = "Memory per task, as sbatch takes it (e.g. 4G); the JVM's heap is 3/4 of it.")
    String mem;

    @Option(names = "--dry-run", description = "Print the scripts and the sbatch commands; write and submit nothing.")
    boolean dryRun;

    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (array < 1 || cpus < 1) {
            throw new ActiveBenchException("--array and --cpus: at least 1, got " + array + " and " + cpus);
        }
        Experiment experiment = Experiment.fromFile(config, plugins.jars); // bad input fails here, before any job
        Path dir = (out != null ? out : Path.of("results", experiment.name())).toAbsolutePath().normalize();
        Path slurm = dir.resolve("slurm");
        String launcher = launcher();
        List<String> pluginArgs = plugins.jars.stream().map(j -> "--plugin " + quote(j.toAbsolutePath().toString())).toList();
        String arrayScript = header("ab-" + experiment.name(), slurm.resolve("logs/%A_%a.out"))
                + "#SBATCH --array=0-" + (array - 1) + "\n"
                + "#SBATCH --cpus-per-task=" + cpus + "\n"
                + (mem == null ? "" : "#SBATCH --mem=" + mem + "\n")
                + (mem == null ? "" : "export ACTIVEBENCH_JAVA_OPTS=\"-Xmx" + heap(mem) + " ${ACTIVEBENCH_JAVA_OPTS:-}\"\n")
                + "exec " + launcher + " run " + quote(config.toAbsolutePath().normalize().toString()) + " --out "
                + quote(dir.toString()) + " --shard \"$SLURM_ARRAY_TASK_ID/" + array + "\" --threads " + cpus
                + " --no-progress" + pluginArgs.stream().map(p -> " " + p).collect(Collectors.joining()) + "\n";
        String mergeScript = header("ab-" + experiment.name() + "-merge", slurm.resolve("logs/merge-%j.out"))
                + "exec " + launcher + " merge " + quote(dir.toString()) + "\n";
        PrintWriter stdout = spec.commandLine().getOut();
        Path arrayFile = slurm.resolve("array.sbatch");
        Path mergeFile = slurm.resolve("merge.sbatch");
        if (dryRun) {
            stdout.println("# " + arrayFile + "\n" + arrayScript + "\n# " + mergeFile + "\n" + mergeScript);
            stdout.println("sbatch --parsable " + arrayFile + "\nsbatch --parsable --dependency=afterany:JOB " + mergeFile);
            return 0;
        }
        AtomicFiles.write(arrayFile, arrayScript.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(mergeFile, mergeScript.getBytes(StandardCharsets.UTF_8));
        java.nio.file.Files.createDirectories(slurm.resolve("logs"));
        String job = sbatch(List.of("sbatch", "--parsable", arrayFile.toString()));
        String merge = sbatch(List.of("sbatch", "--parsable", "--dependency=afterany:" + job, mergeFile.toString()));
        stdout.println("submitted job array " + job + " (" + array + " shards) and merge job " + merge + "; logs in "
                + slurm.resolve("logs") + "; follow with `activebench status " + dir + "`");
        return 0;
    }

    private String header(String name, Path log) {
        return "#!/bin/bash\n#SBATCH --job-name=" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + "\n#SBATCH --output=" + log + "\n"
                + (partition == null ? "" : "#SBATCH --partition=" + partition + "\n")
                + (time == null ? "" : "#SBATCH --time=" + time + "\n");
    }

    /**
     * The launcher that runs this command ({@code activebench.launcher}, set by the script), else this JVM's command
     * line, shell text either way. Like the script, the command line reads {@code $ACTIVEBENCH_JAVA_OPTS} after its
     * own flags, so the heap {@code --mem} exports there wins over this JVM's.
     */
    static String launcher() {
        String script = System.getProperty("activebench.launcher");
        if (script != null) {
            return quote(script);
        }
        List<String> java = new ArrayList<>();
        java.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        java.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<String> main = List.of("-cp", System.getProperty("java.class.path"), ActiveBenchCli.class.getName());
        return quoted(java) + " ${ACTIVEBENCH_JAVA_OPTS:-} " + quoted(main);
    }

    private static String quoted(List<String> words) {
        return words.stream().map(SlurmCommand::quote).collect(Collectors.joining(" "));
    }

    /** Three quarters of sbatch's {@code --mem} (a number with an optional K, M, G or T; megabytes without) as -Xmx. */
    private static String heap(String mem) {
        var m = java.util.regex.Pattern.compile("(\\d+)([KMGT]?)").matcher(mem.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            throw new ActiveBenchException("--mem: expected a size such as 4G or 4000M, got '" + mem + "'");
        }
        long kib = Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "K" -> 1L;
            case "G" -> 1024L * 1024;
            case "T" -> 1024L * 1024 * 1024;
            default -> 1024L;
        };
        return Math.max(64, kib * 3 / 4 / 1024) + "m";
    }

    private static String sbatch(List<String> command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ActiveBenchException("sbatch: cannot run it (" + e.getMessage() + "); is Slurm installed here? "
                    + "--dry-run prints the scripts");
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || !output.matches("\\d+(;\\S+)?")) {
            throw new ActiveBenchException("sbatch failed: " + output.replace('\n', ' '));
        }
        return output.split(";")[0];
    }

    private static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:,+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
