package dev.ca4.producer.cli;

import dev.ca4.producer.BuildInfo;
import dev.ca4.producer.client.Tls;
import dev.ca4.producer.cpu.KernelLauncher;
import dev.ca4.producer.embed.WeightsException;
import dev.ca4.producer.gpu.BackendCheck;
import dev.ca4.producer.run.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dev.ca4.producer.embed.Engine;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** {@code ca4-producer}: images in, ResNet50 embeddings + GPU metadata out to the processor API. */
@Command(name = "ca4-producer", mixinStandardHelpOptions = true, versionProvider = ProducerCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Embed images with ResNet50 (DL4J) and post them with GPU metadata to the CA4 processor "
                + "(POST /metadata/batch), retrying with the same event_id until accepted.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every image accepted (or written)",
                "1:some image failed: unreadable, rejected, or not accepted before giving up",
                "2:invalid options or no input images",
                "3:weights unavailable (missing/corrupt file, failed download)",
                "4:the processor refused the API key, or its TLS certificate is not trusted",
                "5:internal error",
                "6:ND4J backend unavailable (CUDA jar without an NVIDIA GPU/driver)"})
public class ProducerCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Image files, or directories searched recursively for "
                    + ".jpg .jpeg .png .gif .bmp .wbmp .tif .tiff files.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-l", "--list"}, paramLabel = "FILE",
            description = "File listing image paths, one per line (# comments; relative to the file). Repeatable.")
    List<Path> listFiles = new ArrayList<>();

    @Option(names = {"-a", "--api"}, paramLabel = "URL", defaultValue = "${env:EDGE_API_URL:-http://localhost:9080}",
            description = "Processor base URL (env EDGE_API_URL; default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = {"-k", "--api-key"}, paramLabel = "KEY", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "X-API-Key for the processor (default: env CA4_API_KEY, else the first of CA4_API_KEYS). "
                    + "Never printed.")
    String apiKey;

    @Option(names = "--truststore", paramLabel = "FILE",
            description = "PKCS12 file with the processor's certificate or CA, trusted besides the JVM's CAs "
                    + "(https API; make run writes .local/ca4-truststore.p12).")
    Path truststore;

    @Option(names = "--truststore-password", paramLabel = "PASSWORD", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Password of --truststore (default: env CA4_TRUSTSTORE_PASSWORD, else none).")
    String truststorePassword;

    @Option(names = "--cacert", paramLabel = "FILE",
            description = "PEM file with the processor's certificate or CA, trusted besides the JVM's CAs.")
    Path caCert;

    @Option(names = "--insecure",
            description = "Do not verify the processor's TLS certificate or host name (testing only: anyone on the "
                    + "path could read the API key and the events). Prints a warning.")
    boolean insecure;

    @Option(names = {"-w", "--weights"}, paramLabel = "imagenet|random|PATH", defaultValue = "imagenet",
            description = "imagenet: DL4J's pretrained resnet50_dl4j_inference.v3.zip from "
                    + "~/.deeplearning4j/models/resnet50/ (downloaded and checksum-checked when absent); "
                    + "random: a seeded untrained ResNet50 (offline; events say weights \"random\"); "
                    + "PATH.npz: keras.applications.ResNet50's ImageNet weights exported by the Colab notebook; "
                    + "PATH: a saved DL4J ComputationGraph zip. Default: ${DEFAULT-VALUE}.")
    String weights;

    @Option(names = "--weights-base-url", paramLabel = "URL",
            description = "Where --weights imagenet downloads resnet50_dl4j_inference.v3.zip from (a mirror; the "
                    + "checksum is still checked). Default: DL4J's own host.")
    URI weightsBaseUrl;

    @Option(names = "--layer", defaultValue = "flatten_1",
            description = "Vertex whose activations are the embedding (default: ${DEFAULT-VALUE}, 2048-d).")
    String layer;

    @Option(names = "--engine", paramLabel = "auto|fast|dl4j", defaultValue = "auto",
            description = "fast: ResNet50 with batch norms folded into the convolutions, each one OpenBLAS sgemm "
                    + "(CPU only; several times DL4J's speed, same embeddings within 1e-4); dl4j: DL4J's own layers "
                    + "(CPU or GPU). auto: fast in the CPU jar (DL4J, with a warning, for a model fast refuses), "
                    + "dl4j in the CUDA jar. Default: ${DEFAULT-VALUE}.")
    String engine;

    @Option(names = "--threads", defaultValue = "0",
            description = "CPU threads of the fast engine's matrix products; 0: one per core (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--model-name", defaultValue = "resnet50",
            description = "model.name in the events (default: ${DEFAULT-VALUE}).")
    String modelName;

    @Option(names = {"-b", "--batch-size"}, defaultValue = "8",
            description = "Images per inference call and per POST, 1-1000 (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = {"-c", "--concurrency"}, defaultValue = "2",
            description = "POSTs in flight while inference goes on, 1-64 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--decode-threads", defaultValue = "2",
            description = "Threads decoding and preprocessing images, 1-64 (default: ${DEFAULT-VALUE}).")
    int decodeThreads;

    @Option(names = {"-t", "--tags"}, paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Tag added to every event; repeatable, at most 32.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--run-id", description = "source.run_id of the events (default: generated). The event_id of an "
            + "image is derived from run id, path and content, so re-running with the same run id never duplicates.")
    String runId;

    @Option(names = {"-n", "--dry-run"},
            description = "Do not post: write the events as JSON Lines to --output, or to stdout.")
    boolean dryRun;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the events as JSON Lines to FILE instead of posting (implies --dry-run).")
    Path output;

    @Option(names = "--receipts", paramLabel = "FILE",
            description = "Write one JSON line per image: image, event_id, outcome, status, detail.")
    Path receipts;

    @Option(names = "--give-up-after", paramLabel = "SECONDS", defaultValue = "300",
            description = "Stop retrying an event after this long (default: ${DEFAULT-VALUE}).")
    int giveUpAfterSeconds;

    @Option(names = "--download-timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Longest download of the ImageNet weights, ~100 MB (default: ${DEFAULT-VALUE}).")
    int downloadTimeoutSeconds;

    @Option(names = "--gpu-sample-ms", paramLabel = "MS", defaultValue = "1000",
            description = "How often the GPU's utilisation and memory are read with nvidia-smi; each event carries the "
                    + "reading taken while its batch ran (default: ${DEFAULT-VALUE}).")
    int gpuSampleMs;

    @Option(names = {"-v", "--verbose"}, description = "More log lines on stderr (-v: ND4J start-up; -vv: debug).")
    boolean[] verbose = new boolean[0];

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    public ProducerCommand() {
        this(System.getenv());
    }

    /** @param env where the API key defaults come from (tests pass their own) */
    ProducerCommand(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        if (BuildInfo.BACKEND.equals("cpu")) { // the fast engine's speed depends on OpenBLAS's kernels
            OptionalInt restarted = KernelLauncher.relaunchIfSlow(args, ProducerCommand.class.getName());
            if (restarted.isPresent() && restarted.getAsInt() >= 0) {
                System.exit(restarted.getAsInt());
            }
        }
        System.exit(commandLine(new ProducerCommand()).execute(args));
    }

    /** The configured picocli command line: exceptions mapped to exit codes in one place. */
    static CommandLine commandLine(ProducerCommand command) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof ExitException exit) {
                line.getErr().println("ca4-producer: " + exit.getMessage());
                return exit.status();
            }
            if (e instanceof WeightsException w) {
                line.getErr().println("ca4-producer: " + w.getMessage());
                return ExitCodes.WEIGHTS_UNAVAILABLE;
            }
            if (e instanceof BackendCheck.BackendUnavailableException b) {
                line.getErr().println("ca4-producer: " + b.getMessage());
                return ExitCodes.BACKEND_UNAVAILABLE;
            }
            line.getErr().println("ca4-producer: internal error: " + e);
            e.printStackTrace(line.getErr());
            return ExitCodes.INTERNAL_ERROR;
        });
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        LoggingSetup.configure(verbose.length);
        ProducerSettings settings = settings();
        if (settings.tls().insecure()) {
            spec.commandLine().getErr().println("ca4-producer: WARNING: --insecure: the processor's TLS certificate "
                    + "and host name are NOT verified; use --truststore or --cacert outside of tests");
            spec.commandLine().getErr().flush();
        }
        Summary summary = new ProducerRun(settings).execute();
        (settings.eventsToStdout() ? System.err : System.out).println(summary.render());
        if (summary.abortReason() != null) {
            return ExitCodes.API_REFUSED;
        }
        return summary.allSent() ? ExitCodes.OK : ExitCodes.IMAGES_FAILED;
    }

    /** Checks the options and resolves their defaults. */
    ProducerSettings settings() {
        require(!inputs.isEmpty() || !listFiles.isEmpty(), "no input: give image files, directories or --list FILE");
        require(batchSize >= 1 && batchSize <= 1000, "--batch-size must be 1 to 1000 (the processor's batch limit)");
        require(concurrency >= 1 && concurrency <= 64, "--concurrency must be 1 to 64");
        require(decodeThreads >= 1 && decodeThreads <= 64, "--decode-threads must be 1 to 64");
        require(tags.size() <= 32, "at most 32 --tags (the event schema's limit)");
        require(giveUpAfterSeconds >= 0, "--give-up-after must be >= 0");
        require(threads >= 0 && threads <= 256, "--threads must be 0 (one per core) to 256");
        require(gpuSampleMs >= 100, "--gpu-sample-ms must be >= 100 (each reading runs nvidia-smi)");
        Engine chosen;
        try {
            chosen = Engine.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new ExitException(ExitCodes.INVALID_INPUT, e.getMessage());
        }
        boolean noPost = dryRun || output != null;
        String key = apiKey != null ? apiKey : env.getOrDefault("CA4_API_KEY",
                env.getOrDefault("CA4_API_KEYS", "").split(",")[0]).strip();
        require(noPost || !key.isBlank(), "no API key: pass --api-key or set CA4_API_KEY (or use --dry-run)");
        require(!insecure || (truststore == null && caCert == null),
                "--insecure turns verification off: it cannot go with --truststore or --cacert");
        require(truststore == null || java.nio.file.Files.isReadable(truststore), "--truststore " + truststore
                + ": no such readable file");
        require(caCert == null || java.nio.file.Files.isReadable(caCert), "--cacert " + caCert
                + ": no such readable file");
        String password = truststorePassword != null ? truststorePassword
                : env.getOrDefault("CA4_TRUSTSTORE_PASSWORD", "");
        Tls tls = new Tls(truststore, password.toCharArray(), caCert, insecure);
        if (!noPost && api.getScheme() != null && api.getScheme().equals("https")) {
            try {
                tls.context(); // a wrong password or file fails here, before any image is embedded
            } catch (IllegalArgumentException e) {
                throw new ExitException(ExitCodes.INVALID_INPUT, e.getMessage());
            }
        }
        return new ProducerSettings(inputs, listFiles, api, key, weights, layer, modelName, batchSize, concurrency,
                decodeThreads, Map.copyOf(tags), runId, noPost, output, receipts, giveUpAfterSeconds,
                downloadTimeoutSeconds, chosen, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads,
                tls, gpuSampleMs, weightsBaseUrl);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ExitException(ExitCodes.INVALID_INPUT, message);
        }
    }

    /** --version: the jar's version and backend. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"ca4-producer " + BuildInfo.VERSION + " (" + BuildInfo.BACKEND + " backend, DL4J "
                    + BuildInfo.DL4J_VERSION + ")"};
        }
    }
}
