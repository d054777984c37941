package io.headwater.testkit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * A certificate authority made for one test, and a server certificate it signed for 127.0.0.1 and
 * localhost: a PKCS12 key store for the server and a PKCS12 trust store (the CA only) for clients.
 */
public record TestCertificates(Path keystore, Path truststore, String password) {

    public static TestCertificates create(Path dir, String password) {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            Date from = Date.from(Instant.now().minus(Duration.ofHours(1)));
            Date to = Date.from(Instant.now().plus(Duration.ofDays(2)));

            KeyPair ca = generator.generateKeyPair();
            X500Name caName = new X500Name("CN=Headwater test CA");
            JcaX509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName, ca.getPublic());
            caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate caCertificate = new JcaX509CertificateConverter()
                    .getCertificate(caBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate())));

            KeyPair server = generator.generateKeyPair();
            JcaX509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(caCertificate, BigInteger.TWO, from, to,
                    new X500Name("CN=localhost"), server.getPublic());
            serverBuilder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            serverBuilder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate serverCertificate = new JcaX509CertificateConverter()
                    .getCertificate(serverBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate())));

            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", server.getPrivate(), password.toCharArray(), new Certificate[]{serverCertificate, caCertificate});
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCertificate);
            Path keystore = dir.resolve("server.p12");
            Path truststore = dir.resolve("truststore.p12");
            try (OutputStream out = Files.newOutputStream(keystore)) {
                keys.store(out, password.toCharArray());
            }
            try (OutputStream out = Files.newOutputStream(truststore)) {
                trust.store(out, password.toCharArray());
            }
            return new TestCertificates(keystore, truststore, password);
        } catch (Exception e) {
            throw new IllegalStateException("could not make the test certificates: " + e.getMessage(), e);
        }
    }
}
