# Source: GP Connect 1.2.7 release notes, ticket #905 (capability statement version 1.2.7); obligation TKT-018.
@ticket-905 @release-1.2.7 @foundations @use-case-get-the-fhir-capability-statement
Feature: GPC-905 CapabilityStatement version becomes 1.2.7
  From GP Connect API 1.2.7 the combined Foundations capability statement returned by GET [base]/metadata
  carries version "1.2.7", the GP Connect specification version the server implements. It is the top-level
  version element, not software.version and not fhirVersion.

  @TKT-018 @CORE-112 @since-1.2.7
  Scenario: The capability statement of a 1.2.7 provider has version 1.2.7
    When the consumer requests the FHIR capability statement
    Then the response status should be 200
    And the response should be a "CapabilityStatement" resource
    And the response element "version" should be "1.2.7"
