# Source: GP Connect 1.2.4 release notes (the note on the capability statement version); obligation TKT-017.
@release-1.2.4 @foundations @use-case-get-the-fhir-capability-statement
Feature: 1.2.4 capability statement note: the version stays 1.2.3
  GP Connect API 1.2.4 changes nothing for GP principal clinical system providers, so a 1.2.4 provider's capability
  statement keeps version "1.2.3", not "1.2.4". (The released 1.2.4-beta text differs; a supplier built to it sets
  expectations:capabilityVersion.)

  @TKT-017 @CORE-112 @since-1.2.4 @until-1.2.4
  Scenario: The capability statement of a 1.2.4 provider keeps version 1.2.3
    When the consumer requests the FHIR capability statement
    Then the response status should be 200
    And the capability statement version should be the one expected for the target spec version
