# Source: GP Connect 1.2.7 specification, Foundations — Read an organisation; obligations FND-148 … FND-151.
@foundations @use-case-read-an-organisation
Feature: Read an organisation
  A consumer reads an organisation by logical id (from Find an organisation, Patient.managingOrganization or
  Location.managingOrganization): GET [base]/Organization/[id], interaction urn:nhs:names:services:gpconnect:fhir:rest:read:organization-1.

  @FND-148 @FND-024 @since-1.2.3
  Scenario: The practice is returned with the id requested and its GP Connect profile
    Given the practice's organisation
    When the consumer reads the organisation
    Then the response status should be 200
    And the returned organisation should be the one requested
    And the returned organisation should declare its GP Connect profile and a version
    And the returned organisation should carry the ODS code searched for
    And the response should be valid against the "CareConnect-GPC-Organization-1" profile

  @FND-148 @since-1.2.3
  Scenario: The read answers an ETag carrying the organisation's version
    Given the practice's organisation
    When the consumer reads the organisation
    Then the response status should be 200
    And the ETag header should carry the returned organisation's version

  @FND-148 @FND-143 @since-1.2.3
  Scenario: The organisation read carries no contact or endpoint
    Given the practice's organisation
    When the consumer reads the organisation
    Then the response status should be 200
    And the returned organisation should have none of these elements: contact, endpoint

  @FND-150 @since-1.2.3
  Scenario: An id the provider does not hold is organisation not found
    When the consumer reads an organisation with an id the provider does not hold
    Then the response should be an OperationOutcome with Spine error code "ORGANISATION_NOT_FOUND"

  @FND-151 @FND-010 @since-1.2.3
  Scenario: A read sent with the Read a practitioner interaction id is a bad request
    Given the practice's organisation
    And the request header "Ssp-InteractionID" is "urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1"
    When the consumer reads the organisation
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
