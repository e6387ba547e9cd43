# Source: GP Connect 1.2.3 release notes, ticket #637 (the capability statement version); obligation TKT-012.
@ticket-637 @release-1.2.3 @foundations @use-case-get-the-fhir-capability-statement
Feature: GPC-637 CapabilityStatement version becomes 1.2.3
  From GP Connect API 1.2.3 the capability statement returned by GET [base]/metadata carries version "1.2.3", the
  specification version the server implements (the top-level version, not software.version or fhirVersion). 1.2.7 replaces
  it with "1.2.7" (#905), so this applies to 1.2.3 and 1.2.4 providers; the expected value comes from the suite's one table
  of version-dependent expectations.

  @TKT-012 @CORE-112 @since-1.2.3 @until-1.2.4
  Scenario: The capability statement of a 1.2.3 provider has version 1.2.3
    When the consumer requests the FHIR capability statement
    Then the response status should be 200
    And the response should be a "CapabilityStatement" resource
    And the capability statement version should be the one expected for the target spec version
