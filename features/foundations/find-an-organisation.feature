# Source: GP Connect 1.2.7 specification, Foundations — Find an organisation; obligations FND-141 … FND-147.
@foundations @use-case-find-an-organisation
Feature: Find an organisation
  A consumer finds an organisation by ODS code: GET [base]/Organization?identifier=https://fhir.nhs.uk/Id/ods-organization-code|[code],
  interaction urn:nhs:names:services:gpconnect:fhir:rest:search:organization-1, JWT scope organization/*.read. The provider
  answers 200 with a searchset Bundle of CareConnect-GPC-Organization-1 resources, empty when nothing matches.

  @FND-141 @FND-142 @FND-024 @since-1.2.3
  Scenario: The practice is found by its ODS code
    Given the practice's organisation
    When the consumer finds the organisation by ODS code
    Then the response status should be 200
    And the searchset Bundle should hold exactly one organisation
    And the returned organisation should carry the ODS code searched for
    And the returned organisation should declare its GP Connect profile and a version
    And the response bundle entries should be valid against their GP Connect profiles

  @FND-143 @since-1.2.3
  Scenario: The organisation found carries no contact or endpoint
    Given the practice's organisation
    When the consumer finds the organisation by ODS code
    Then the searchset Bundle should hold exactly one organisation
    And the returned organisation should have none of these elements: contact, endpoint

  @FND-144 @since-1.2.3
  Scenario: An ODS code the provider does not hold gives an empty Bundle, not an error
    Given an ODS code the provider does not hold
    When the consumer finds the organisation by ODS code
    Then the response status should be 200
    And the searchset Bundle should hold no entries

  @FND-145 @since-1.2.3
  Scenario: An identifier system other than the ODS code is refused
    When the consumer finds an organisation with the identifier "https://fhir.nhs.uk/Id/sds-user-id|G13579135"
    Then the response should be an OperationOutcome with Spine error code "INVALID_IDENTIFIER_SYSTEM"

  @FND-146 @since-1.2.3
  Scenario: A search without an identifier is a bad request
    When the consumer finds an organisation without an identifier
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @FND-147 @FND-010 @since-1.2.3
  Scenario: A find sent with the Read a practitioner interaction id is a bad request
    Given the practice's organisation
    And the request header "Ssp-InteractionID" is "urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1"
    When the consumer finds the organisation by ODS code
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
