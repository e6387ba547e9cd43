# Source: GP Connect 1.2.7 specification, Development — API security guidance (TLS, mutual authentication, HSTS).
# Against the embedded provider the run starts one HTTPS instance (at its first TLS scenario) that requires client certificates from a
# throwaway CA made for the run. Against a remote provider the configured tls:clientCertificate and
# tls:trustedCaCertificate make the good connection; the refused ones use certificates generated for the run.
@core @use-case-tls-mutual-authentication @tls
Feature: TLS mutual authentication
  Every interaction runs over TLS 1.2 or later with mutual authentication: the provider accepts only client
  certificates that are in date and chain to the Spine CA, refuses the connection otherwise (no HTTP exchange at all),
  and sends Strict-Transport-Security on its responses. A divergence (docs/expectations.md): NHS assurance also accepts
  HTTP 496 (no certificate) or 495 (a refused certificate) after the handshake; the suite passes that with a warning,
  and expectations:divergences:clientCertificateHttpError=strict makes it fail.

  Background:
    Given the provider endpoint requires TLS mutual authentication

  @CORE-009 @since-1.2.3
  Scenario: A consumer presenting its trusted client certificate is served with Strict-Transport-Security
    When the consumer connects with its configured client certificate
    Then the provider should serve the request over TLS with Strict-Transport-Security

  @CORE-002 @since-1.2.3 @divergence
  Scenario: A connection without a client certificate is refused
    When the consumer connects without a client certificate
    Then the provider should refuse the handshake without a client certificate, or answer HTTP 496 as NHS assurance accepts (divergence clientCertificateHttpError)

  @CORE-003 @since-1.2.3 @divergence
  Scenario: A connection with a client certificate from an untrusted CA is refused
    When the consumer connects with a client certificate from an untrusted CA
    Then the provider should refuse the handshake with a certificate from an untrusted CA, or answer HTTP 495 as NHS assurance accepts (divergence clientCertificateHttpError)

  @CORE-004 @since-1.2.3 @divergence
  Scenario: A connection with an expired client certificate is refused
    When the consumer connects with an expired client certificate
    Then the provider should refuse the handshake with an expired client certificate, or answer HTTP 495 as NHS assurance accepts (divergence clientCertificateHttpError)

  # API security guidance: client certificates must be neither expired nor revoked. The embedded provider checks an
  # offline revocation list issued by the run's CA; against a remote provider the scenario is not applicable (the suite
  # cannot have the Spine CA revoke a certificate).
  @CORE-004 @since-1.2.3 @divergence
  Scenario: A connection with a revoked client certificate is refused
    When the consumer connects with a revoked client certificate
    Then the provider should refuse the handshake with a revoked client certificate, or answer HTTP 495 as NHS assurance accepts (divergence clientCertificateHttpError)

  # API security guidance: the client certificate's FQDN must be the SSP's (the consumer's, in the embedded set-up).
  @CORE-005 @since-1.2.3 @divergence
  Scenario: A connection with a client certificate naming another system is refused
    When the consumer connects with a client certificate that names another system than the consumer
    Then the provider should refuse the handshake with a client certificate naming another system, or answer HTTP 495 as NHS assurance accepts (divergence clientCertificateHttpError)

  # API security guidance: TLS 1.0, TLS 1.1, SSLv2 and SSLv3 must not be used. Not applicable where this machine's own
  # TLS library refuses to offer the version (OpenSSL 3 at its default security level), since the provider's refusal
  # could not then be told from the library's.
  @CORE-001 @since-1.2.3
  Scenario Outline: A handshake offering only <version> is refused
    When the consumer attempts a handshake offering only <version>
    Then the provider should refuse that handshake

    Examples:
      | version |
      | TLS 1.0 |
      | TLS 1.1 |

  # API security guidance: approved cipher suites AESGCM+EECDH, AESGCM+EDH, AES256+EECDH, AES256+EDH; no others.
  @CORE-006 @since-1.2.3
  Scenario: A TLS 1.2 handshake offering only approved cipher suites is accepted with one of them
    When the consumer attempts a TLS 1.2 handshake offering only the approved cipher suites
    Then the provider should complete the handshake with an approved cipher suite

  @CORE-006 @since-1.2.3
  Scenario: A TLS 1.2 handshake offering only cipher suites outside the approved families is refused
    When the consumer attempts a TLS 1.2 handshake offering only cipher suites outside the approved families
    Then the provider should refuse that handshake
