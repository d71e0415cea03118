package dev.ca4.localstack.probe;

import dev.ca4.localstack.StackConfig;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** TCP-level questions about a port on 127.0.0.1. */
public final class PortProbe {

    private static final int CONNECT_TIMEOUT_MS = 500;

    private PortProbe() {
    }

    /** Whether something accepts connections on the port. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(StackConfig.HOST, port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a service could bind the port now (nothing listens on it, on 127.0.0.1 or the wildcard address). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(StackConfig.HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
