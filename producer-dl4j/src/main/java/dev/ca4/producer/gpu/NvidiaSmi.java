package dev.ca4.producer.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks {@code nvidia-smi} what ND4J cannot tell: driver version, compute capability, utilisation, memory used and
 * free, and the newest CUDA version the driver supports (and name and memory, for cross-checking). Absent
 * command, non-zero exit or a timeout all mean "no answer", never an error.
 */
public final class NvidiaSmi {

    /** One GPU as nvidia-smi reports it; a field it could not give is null. */
    public record Gpu(String name, Long memoryTotalMb, String driverVersion, String computeCapability,
                      Integer utilizationPct, Long memoryUsedMb, Long memoryFreeMb) {
    }

    static final String QUERY =
            "--query-gpu=name,memory.total,driver_version,compute_cap,utilization.gpu,memory.used,memory.free";
    /** The banner of a plain {@code nvidia-smi}: "... Driver Version: 535.104.05   CUDA Version: 12.2 ...". */
    private static final Pattern DRIVER_CUDA = Pattern.compile("CUDA Version:\\s*([0-9]+(?:\\.[0-9]+)*)");
    private final String command;

    /** @param command the executable, normally {@code nvidia-smi} found on the PATH */
    public NvidiaSmi(String command) {
        this.command = command;
    }

    public Optional<List<Gpu>> query() {
        return run(QUERY, "--format=csv,noheader,nounits").map(NvidiaSmi::parse).filter(gpus -> !gpus.isEmpty());
    }

    /** The newest CUDA version the installed driver supports, from nvidia-smi's banner. */
    public Optional<String> driverCudaVersion() {
        return run().flatMap(NvidiaSmi::parseDriverCuda);
    }

    private Optional<String> run(String... args) {
        List<String> cmd = new ArrayList<>(List.of(command));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty(); // not installed: a CPU machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Lines of {@code name, memory MiB, driver, compute capability, utilisation %, used MiB, free MiB}; "[N/A]" or
     * unparsable fields become null, missing trailing fields too.
     */
    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            String[] f = line.split(",");
            if (f.length < 4 || f[0].isBlank()) {
                continue;
            }
            Long utilization = f.length > 4 ? number(f[4]) : null;
            gpus.add(new Gpu(field(f[0]), number(f[1]), field(f[2]), field(f[3]),
                    utilization == null ? null : utilization.intValue(),
                    f.length > 5 ? number(f[5]) : null, f.length > 6 ? number(f[6]) : null));
        }
        return gpus;
    }

    static Optional<String> parseDriverCuda(String banner) {
        Matcher m = DRIVER_CUDA.matcher(banner);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String field(String s) {
        String t = s.strip();
        return t.isEmpty() || t.startsWith("[") ? null : t;
    }

    private static Long number(String s) {
        String t = field(s);
        try {
            return t == null ? null : Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
