package io.computecase.local.kube.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The HTTPS listener's self-signed certificate (ECDSA P-256) for 127.0.0.1 and localhost, which
 * kubeconfigs carry as their certificate authority so kubectl verifies the server. Kept in the data
 * directory (the key at mode 0600) and made anew when missing, near its end, or not naming the
 * address clients use.
 */
public final class ServingCertificate {

  static final String CERTIFICATE_FILE = "apiserver.crt";
  static final String KEY_FILE = "apiserver.key";
  private static final Duration VALIDITY = Duration.ofDays(365);
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final X509Certificate certificate;
  private final PrivateKey key;

  private ServingCertificate(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
  }

  /** A certificate for this start only, naming 127.0.0.1, localhost and {@code address}. */
  public static ServingCertificate generate(String address, Clock clock) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      KeyPair pair = generator.generateKeyPair();
      X500Name name = new X500Name("CN=computecase-local-apiserver");
      Instant now = clock.instant();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              new BigInteger(128, RANDOM),
              // a minute back, so a client whose clock is a little behind still accepts it
              Date.from(now.minus(Duration.ofMinutes(1))),
              Date.from(now.plus(VALIDITY)),
              name,
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(alternativeNames(address).toArray(GeneralName[]::new)));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new ServingCertificate(certificate, pair.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make the API server's certificate: " + e, e);
    }
  }

  /**
   * The certificate kept in {@code dir}, or a new one written there when there is none, it ends
   * within 30 days, or it does not name {@code address}.
   */
  public static ServingCertificate loadOrCreate(Path dir, String address, Clock clock) {
    Path certificateFile = dir.resolve(CERTIFICATE_FILE);
    Path keyFile = dir.resolve(KEY_FILE);
    if (Files.exists(certificateFile) && Files.exists(keyFile)) {
      try {
        ServingCertificate stored =
            new ServingCertificate(
                parseCertificate(Files.readString(certificateFile)),
                parseKey(Files.readString(keyFile)));
        if (stored.usableAt(clock.instant()) && stored.names(address)) {
          return stored;
        }
      } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
        // unreadable or damaged: replaced below, and kubeconfigs are written again on start
      }
    }
    ServingCertificate made = generate(address, clock);
    OwnerOnlyFiles.write(keyFile, made.privateKeyPem());
    OwnerOnlyFiles.write(certificateFile, made.certificatePem());
    return made;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** The certificate in PEM, as a kubeconfig's certificate-authority-data carries it. */
  public String certificatePem() {
    return pem("CERTIFICATE", encoded(certificate));
  }

  /** The private key in PKCS#8 PEM. */
  public String privateKeyPem() {
    return pem("PRIVATE KEY", key.getEncoded());
  }

  /** A TLS context that trusts this certificate alone, for clients in this JVM. */
  public SSLContext trustingContext() {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry("computecase-local-apiserver", certificate);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), RANDOM);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS context: " + e, e);
    }
  }

  private boolean usableAt(Instant now) {
    return certificate.getNotBefore().toInstant().isBefore(now)
        && certificate.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE));
  }

  private boolean names(String address) throws GeneralSecurityException {
    Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
    if (alternatives == null) {
      return false;
    }
    return alternatives.stream().anyMatch(name -> Objects.equals(name.get(1), address))
        && alternatives.stream().anyMatch(name -> Objects.equals(name.get(1), "localhost"))
        && alternatives.stream().anyMatch(name -> Objects.equals(name.get(1), "127.0.0.1"));
  }

  private static List<GeneralName> alternativeNames(String address) {
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    names.add(new GeneralName(GeneralName.dNSName, "localhost"));
    if (!address.equals("127.0.0.1") && !address.equals("localhost")) {
      boolean ip = address.matches("[0-9.]+") || address.contains(":");
      names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, address));
    }
    return names;
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static X509Certificate parseCertificate(String pem) throws GeneralSecurityException {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static PrivateKey parseKey(String pem) throws GeneralSecurityException {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  @Override
  public String toString() {
    return "ServingCertificate[" + certificate.getSubjectX500Principal() + "]";
  }
}
