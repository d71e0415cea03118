package dev.ca4.producer.client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * How the producer trusts the processor's HTTPS certificate. Verification is on by default: the JVM's trusted
 * CAs plus, when given, a PKCS12 truststore and/or PEM certificates (e.g. the local Liberty's self-signed one).
 * Only an explicit {@code --insecure} turns verification off.
 *
 * @param truststore         PKCS12 file of trusted certificates, or null
 * @param truststorePassword its password (null or empty: none)
 * @param caCert             PEM file with one or more trusted certificates, or null
 * @param insecure           trust any certificate and any host name (testing only)
 */
public record Tls(Path truststore, char[] truststorePassword, Path caCert, boolean insecure) {

    /** The JVM's default trust only. */
    public static Tls verifyWithDefaults() {
        return new Tls(null, null, null, false);
    }

    /** What a handshake failure tells the user to do. */
    public static final String HINT = "pass the processor's certificate (or its CA) with --truststore FILE (PKCS12) "
            + "or --cacert FILE (PEM), or --insecure to skip verification (testing only)";

    public SSLContext context() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (insecure) {
                ctx.init(null, new TrustManager[]{new TrustAll()}, null);
            } else if (truststore == null && caCert == null) {
                return SSLContext.getDefault();
            } else {
                KeyStore trusted = extraTrust();
                int i = 0;
                for (X509Certificate ca : trustManager(null).getAcceptedIssuers()) { // the JVM's cacerts
                    trusted.setCertificateEntry("jvm-" + i++, ca);
                }
                ctx.init(null, new TrustManager[]{trustManager(trusted)}, null);
            }
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot load the TLS trust settings: " + e.getMessage(), e);
        }
    }

    private KeyStore extraTrust() throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        if (truststore != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(truststore)) {
                ks.load(in, truststorePassword == null || truststorePassword.length == 0 ? null : truststorePassword);
            } catch (IOException e) {
                throw new IOException("--truststore " + truststore + ": " + e.getMessage()
                        + " (a PKCS12 file; is --truststore-password right?)", e);
            }
            for (String alias : java.util.Collections.list(ks.aliases())) {
                Certificate c = ks.getCertificate(alias);
                if (c != null) {
                    trusted.setCertificateEntry("truststore-" + alias, c);
                }
            }
        }
        if (caCert != null) {
            try (InputStream in = Files.newInputStream(caCert)) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    trusted.setCertificateEntry("cacert-" + i++, c);
                }
                if (i == 0) {
                    throw new IOException("--cacert " + caCert + " holds no certificate");
                }
            } catch (CertificateException e) {
                throw new IOException("--cacert " + caCert + " is not PEM certificates: " + e.getMessage(), e);
            }
        }
        if (trusted.size() == 0) {
            throw new IOException("--truststore " + truststore + " holds no certificate");
        }
        return trusted;
    }

    private static X509ExtendedTrustManager trustManager(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(ks);
        return Arrays.stream(f.getTrustManagers()).filter(X509ExtendedTrustManager.class::isInstance)
                .map(X509ExtendedTrustManager.class::cast).findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X509 trust manager"));
    }

    @Override
    public String toString() {
        return "Tls[truststore=" + truststore + ", caCert=" + caCert + ", insecure=" + insecure + "]"; // no password
    }

    /** --insecure: no chain check and, being an extended manager that checks nothing, no host name check. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
