# Source: GP Connect 1.2.7 specification, Foundations — Read a practitioner; obligations FND-138 … FND-140.
@foundations @use-case-read-a-practitioner
Feature: Read a practitioner
  A consumer reads a practitioner by logical id: GET [base]/Practitioner/[id], interaction
  urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1, JWT scope organization/*.read.

  @FND-138 @FND-024 @since-1.2.3
  Scenario: The practitioner is returned with the id requested and its GP Connect profile
    Given a practitioner with an SDS user id
    When the consumer reads the practitioner
    Then the response status should be 200
    And the returned practitioner should be the one requested
    And the returned practitioner should declare its GP Connect profile and a version
    And the returned practitioner should carry the SDS user id searched for
    And the response should be valid against the "CareConnect-GPC-Practitioner-1" profile

  @FND-138 @since-1.2.3
  Scenario: The read answers an ETag carrying the practitioner's version
    Given a practitioner with an SDS user id
    When the consumer reads the practitioner
    Then the response status should be 200
    And the ETag header should carry the returned practitioner's version

  @FND-138 @FND-130 @since-1.2.3
  Scenario: The practitioner read carries none of the details Foundations withholds
    Given a practitioner with an SDS user id
    When the consumer reads the practitioner
    Then the response status should be 200
    And the returned practitioner should have none of these elements: telecom, address, birthDate, photo, qualification, communication

  @FND-139 @since-1.2.3
  Scenario: An id the provider does not hold is practitioner not found
    When the consumer reads a practitioner with an id the provider does not hold
    Then the response should be an OperationOutcome with Spine error code "PRACTITIONER_NOT_FOUND"

  @FND-140 @FND-010 @since-1.2.3
  Scenario: A read sent with the Read a location interaction id is a bad request
    Given a practitioner with an SDS user id
    And the request header "Ssp-InteractionID" is "urn:nhs:names:services:gpconnect:fhir:rest:read:location-1"
    When the consumer reads the practitioner
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
