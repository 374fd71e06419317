package io.newsflow.search.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority and a server certificate it signed for the name {@code localhost} only (no IP address, so a
 * client that reaches the server as {@code 127.0.0.1} must refuse it), made at test time with the JDK's
 * {@code keytool}. The files, in {@code dir}: the CA's certificate as PEM, trust stores holding it (PKCS12, JKS), the
 * server's key and chain as a PKCS12 key store and as PEM files (what Elasticsearch reads).
 */
public final class TestCertificates {
    /** The password of every store made here (a test fixture). */
    public static final String PASSWORD = "test-store-password";

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** Makes the authority, the server's certificate and the stores in {@code dir} (~2 s: four runs of keytool). */
    public static TestCertificates create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Files.createDirectories(dir);
        TestCertificates made = new TestCertificates(dir);
        made.keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=newsflow test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        made.keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", "server-key.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        made.keytool("-certreq", "-alias", "server", "-keystore", "server-key.p12", "-storepass", PASSWORD, "-file", "server.csr");
        made.keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-infile", "server.csr",
                "-outfile", "server-signed.crt", "-rfc", "-validity", "2", "-ext", "SAN=dns:localhost",
                "-ext", "ku:c=digitalSignature,keyEncipherment", "-ext", "eku=serverAuth");
        made.writeStores();
        return made;
    }

    /** The CA's certificate, PEM. */
    public Path authorityPem() {
        return dir.resolve("ca.crt");
    }

    /** A trust store holding the CA's certificate only, of type {@code PKCS12} or {@code JKS}, password {@link #PASSWORD}. */
    public Path trustStore(String type) {
        return dir.resolve("truststore." + type.toLowerCase());
    }

    /** The server's certificate chain (its own, then the CA's), PEM. */
    public Path serverChainPem() {
        return dir.resolve("server.crt");
    }

    /** The server's private key, PEM (PKCS#8, unencrypted). */
    public Path serverKeyPem() {
        return dir.resolve("server.key");
    }

    /** A TLS context that serves the server's certificate: for a JDK {@code HttpsServer}. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore keys = load(dir.resolve("server.p12"), "PKCS12");
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private void writeStores() throws IOException, GeneralSecurityException {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        KeyStore ca = load(dir.resolve("ca.p12"), "PKCS12");
        Certificate authority = ca.getCertificate("ca");
        Certificate server;
        try (InputStream in = Files.newInputStream(dir.resolve("server-signed.crt"))) {
            server = x509.generateCertificate(in);
        }
        Files.writeString(authorityPem(), pem("CERTIFICATE", authority.getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(serverChainPem(), pem("CERTIFICATE", server.getEncoded()) + pem("CERTIFICATE", authority.getEncoded()),
                StandardCharsets.US_ASCII);
        PrivateKey key = (PrivateKey) load(dir.resolve("server-key.p12"), "PKCS12").getKey("server", PASSWORD.toCharArray());
        Files.writeString(serverKeyPem(), pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);

        KeyStore serverStore = KeyStore.getInstance("PKCS12");
        serverStore.load(null, null);
        serverStore.setKeyEntry("server", key, PASSWORD.toCharArray(), new Certificate[] {server, authority});
        store(serverStore, dir.resolve("server.p12"));
        for (String type : List.of("PKCS12", "JKS")) {
            KeyStore trust = KeyStore.getInstance(type);
            trust.load(null, null);
            trust.setCertificateEntry("newsflow-test-ca", authority);
            store(trust, trustStore(type));
        }
    }

    private static KeyStore load(Path file, String type) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void store(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
