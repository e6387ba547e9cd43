# Source: GP Connect 1.2.7 specification, Foundations — Read a patient; obligations FND-070 … FND-079; 1.2.7 release notes #658/#847.
@foundations @use-case-read-a-patient
Feature: Read a patient
  A consumer reads a patient by the logical id Find a patient returned: GET [base]/Patient/[id], interaction
  urn:nhs:names:services:gpconnect:fhir:rest:read:patient-1, JWT scope patient/*.read. The provider answers 200 with the
  Patient and ETag W/"[versionId]", or 404 PATIENT_NOT_FOUND.

  @FND-070 @FND-072 @FND-024 @since-1.2.3
  Scenario: The patient is returned with the id requested and its GP Connect profile
    Given an active patient whose NHS number is verified
    When the consumer reads the patient
    Then the response status should be 200
    And the response should be a "Patient" resource
    And the returned patient should be the one requested
    And the returned patient should declare its GP Connect profile and a version

  @FND-072 @since-1.2.3
  Scenario: The patient read is valid against CareConnect-GPC-Patient-1
    Given an active patient whose NHS number is verified
    When the consumer reads the patient
    Then the response status should be 200
    And the response should be valid against the "CareConnect-GPC-Patient-1" profile

  @FND-071 @since-1.2.3
  Scenario: The read answers an ETag carrying the patient's version
    Given an active patient whose NHS number is verified
    When the consumer reads the patient
    Then the response status should be 200
    And the ETag header should carry the returned patient's version

  @FND-072 @since-1.2.3
  Scenario: The patient read carries the same mandatory data as Find a patient
    Given an active patient whose NHS number is verified
    When the consumer reads the patient
    Then the returned patient should carry the NHS number, marked verified
    And the returned patient should have exactly one official name
    And the returned patient should have a birth date and a gender
    And the returned patient should be managed by the practice addressed

  @FND-073 @since-1.2.3
  Scenario: Reading the patient Find returned gives the same patient
    Given an active patient whose NHS number is verified
    When the consumer finds the patient by NHS number
    And the consumer reads the patient returned
    Then the response status should be 200
    And the returned patient should carry the NHS number, marked verified
    And the patient read should have the version Find returned

  @FND-074 @FND-017 @FND-018 @CORE-074 @since-1.2.3
  Scenario: An id the provider does not hold is patient not found
    When the consumer reads a patient with an id the provider does not hold
    Then the response should be an OperationOutcome with Spine error code "PATIENT_NOT_FOUND"

  @FND-075 @TKT-020 @since-1.2.7 @CORE-121
  Scenario: A patient whose record is marked sensitive is patient not found
    Given a patient whose record is marked sensitive
    When the consumer reads the patient
    Then the response should be an OperationOutcome with Spine error code "PATIENT_NOT_FOUND"

  @FND-076 @since-1.2.3 @CORE-126
  Scenario: A patient who dissented from sharing is still returned
    Given a patient who has dissented from sharing their record
    When the consumer reads the patient
    Then the response status should be 200
    And the returned patient should be the one requested

  @FND-078 @since-1.2.3
  Scenario Outline: A patient who is not active is not disclosed
    Given <patient>
    When the consumer reads the patient
    Then the response should be an OperationOutcome with Spine error code "PATIENT_NOT_FOUND"

    Examples:
      | patient                                       |
      | a patient recorded as deceased at the practice |
      | a patient who has left the practice            |

  @FND-079 @FND-010 @since-1.2.3
  Scenario: A read sent with the Find a patient interaction id is a bad request
    Given an active patient whose NHS number is verified
    And the request header "Ssp-InteractionID" is "urn:nhs:names:services:gpconnect:fhir:rest:search:patient-1"
    When the consumer reads the patient
    Then the response should be an OperationOutcome with Spine error code "BAD_REQUEST"
