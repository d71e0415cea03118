package dev.ca4.localstack;

import dev.ca4.localstack.cli.LocalStackCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Stacks on free ports in a temporary home, never on the fixed ports of a running stack; the CLI in-process. */
public final class TestStacks {

    private TestStacks() {
    }

    public static StackConfig onFreePorts(Path home) {
        int[] ports = freePorts(4);
        return StackConfig.fromEnvironment().withHome(home).withPorts(ports[0], ports[1], ports[2], ports[3]);
    }

    /** The CLI options that select {@code config}. */
    public static List<String> options(StackConfig config) {
        return List.of("--home", config.home().toString(),
                "--kafka-port", Integer.toString(config.kafkaPort()),
                "--kafka-controller-port", Integer.toString(config.kafkaControllerPort()),
                "--mongo-port", Integer.toString(config.mongoPort()),
                "--s3-port", Integer.toString(config.s3Port()));
    }

    /** Runs {@code local-stack <command> <service> <options of config>}. */
    public static CliRun cli(StackConfig config, String command, String service) {
        List<String> args = new ArrayList<>(List.of(command, service));
        args.addAll(options(config));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = LocalStackCli.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(StackConfig.HOST));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // best effort
                }
            });
        }
    }

    /** What one CLI run printed and returned. */
    public record CliRun(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
