# Source: GP Connect 1.2.7 specification, Foundations — Read a location; obligations FND-152 … FND-158.
@foundations @use-case-read-a-location
Feature: Read a location
  A consumer reads a surgery by logical id (from Patient.registrationDetails.preferredBranchSurgery or appointment references):
  GET [base]/Location/[id], interaction urn:nhs:names:services:gpconnect:fhir:rest:read:location-1, JWT scope organization/*.read.
  There is no Location search in 1.2.x.

  @FND-152 @FND-024 @since-1.2.3
  Scenario: The main surgery is returned with the id requested and its GP Connect profile
    Given the practice's main surgery
    When the consumer reads the location
    Then the response status should be 200
    And the returned location should be the one requested
    And the returned location should declare its GP Connect profile and a version
    And the response should be valid against the "CareConnect-GPC-Location-1" profile

  @FND-152 @since-1.2.3
  Scenario: The read answers an ETag carrying the location's version
    Given the practice's main surgery
    When the consumer reads the location
    Then the response status should be 200
    And the ETag header should carry the returned location's version

  @FND-153 @FND-025 @since-1.2.3
  Scenario: The surgery is managed by the practice addressed
    Given the practice's main surgery
    When the consumer reads the location
    Then the response status should be 200
    And the returned location should be managed by the practice addressed

  @FND-154 @FND-155 @since-1.2.3
  Scenario: The surgery has a single address and none of the elements the profile forbids
    Given the practice's main surgery
    When the consumer reads the location
    Then the response status should be 200
    And the returned location should have a single address
    And the returned location should have none of these elements: mode, endpoint
    And the response should be valid against the "CareConnect-GPC-Location-1" profile

  @FND-156 @since-1.2.3
  Scenario: A branch surgery is returned managed by the same practice
    Given a branch surgery of the practice
    When the consumer reads the location
    Then the response status should be 200
    And the returned location should be the one requested
    And the returned location should be managed by the practice addressed

  @FND-157 @since-1.2.3
  Scenario: An id the provider does not hold is no record found
    When the consumer reads a location with an id the provider does not hold
    Then the response should be an OperationOutcome with Spine error code "NO_RECORD_FOUND"

  @FND-158 @FND-010 @since-1.2.3
  Scenario: A read sent with the Read a practitioner interaction id is a bad request
    Given the practice's main surgery
    And the request header "Ssp-InteractionID" is "urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1"
    When the consumer reads the location
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
