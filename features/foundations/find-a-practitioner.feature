# Source: GP Connect 1.2.7 specification, Foundations — Find a practitioner; obligations FND-126 … FND-137.
@foundations @use-case-find-a-practitioner
Feature: Find a practitioner
  A consumer finds a practitioner by SDS user id: GET [base]/Practitioner?identifier=https://fhir.nhs.uk/Id/sds-user-id|[id],
  interaction urn:nhs:names:services:gpconnect:fhir:rest:search:practitioner-1, JWT scope organization/*.read. The provider
  answers 200 with a searchset Bundle of CareConnect-GPC-Practitioner-1 resources, empty when nobody matches.

  @FND-126 @FND-127 @FND-129 @FND-024 @since-1.2.3
  Scenario: A practitioner is found by SDS user id
    Given a practitioner with an SDS user id
    When the consumer finds the practitioner by SDS user id
    Then the response status should be 200
    And the searchset Bundle should hold exactly one practitioner
    And the returned practitioner should carry the SDS user id searched for
    And the returned practitioner should declare its GP Connect profile and a version
    And the response bundle entries should be valid against their GP Connect profiles

  @FND-128 @since-1.2.3
  Scenario: The practitioner found carries its SDS role profile ids
    Given a practitioner with SDS role profiles
    When the consumer finds the practitioner by SDS user id
    Then the searchset Bundle should hold exactly one practitioner
    And the returned practitioner should carry as many SDS role profile ids as the provider holds
    And the response bundle entries should be valid against their GP Connect profiles

  @FND-131 @since-1.2.3
  Scenario: A practitioner's recorded language is returned
    Given a practitioner with a recorded language
    When the consumer finds the practitioner by SDS user id
    Then the searchset Bundle should hold exactly one practitioner
    And the returned practitioner's language should be coded from CareConnect-HumanLanguage-1

  @FND-130 @since-1.2.3
  Scenario: The practitioner found carries none of the details Foundations withholds
    Given a practitioner with an SDS user id
    When the consumer finds the practitioner by SDS user id
    Then the searchset Bundle should hold exactly one practitioner
    And the returned practitioner should have none of these elements: telecom, address, birthDate, photo, qualification, communication

  @FND-132 @since-1.2.3
  Scenario: An SDS user id the provider does not hold gives an empty Bundle, not an error
    Given an SDS user id the provider does not hold
    When the consumer finds the practitioner by SDS user id
    Then the response status should be 200
    And the searchset Bundle should hold no entries

  @FND-133 @since-1.2.3
  Scenario: An identifier system other than the SDS user id is refused
    When the consumer finds a practitioner with the identifier "https://fhir.nhs.uk/Id/nhs-number|9690000004"
    Then the response should be an OperationOutcome with Spine error code "INVALID_IDENTIFIER_SYSTEM"

  @FND-134 @since-1.2.3
  Scenario: A search without an identifier is a bad request
    When the consumer finds a practitioner without an identifier
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @FND-135 @since-1.2.3
  Scenario: An identifier without a system is refused
    When the consumer finds a practitioner with the identifier "G13579135"
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER", tolerating "INVALID_IDENTIFIER_SYSTEM"

  @FND-135 @since-1.2.3
  Scenario: An identifier without a value is refused
    When the consumer finds a practitioner with the identifier "https://fhir.nhs.uk/Id/sds-user-id|"
    Then the response should be an OperationOutcome with Spine error code "INVALID_PARAMETER", tolerating "INVALID_IDENTIFIER_VALUE"

  @FND-136 @since-1.2.3
  Scenario: An identifier sent twice is a bad request
    Given a practitioner with an SDS user id
    When the consumer finds the practitioner by SDS user id sent twice
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"

  @FND-137 @FND-010 @since-1.2.3
  Scenario: A find sent with the Read a practitioner interaction id is a bad request
    Given a practitioner with an SDS user id
    And the request header "Ssp-InteractionID" is "urn:nhs:names:services:gpconnect:fhir:rest:read:practitioner-1"
    When the consumer finds the practitioner by SDS user id
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
