# Source: GP Connect 1.2.7 release notes, ticket #697 (meta.profile in Register a patient); obligations TKT-022, TKT-023.
@ticket-697 @release-1.2.7 @foundations @use-case-register-a-patient @writes
Feature: GPC-697 meta.profile is mandatory on the Patient of a Register a patient request
  The Patient inside the registerPatient parameter SHALL carry meta.profile
  https://fhir.nhs.uk/STU3/StructureDefinition/CareConnect-GPC-Patient-1. A provider refuses a Patient without it as an
  invalid resource (422 INVALID_RESOURCE) and registers nobody; with it, the registration goes ahead.

  @TKT-022 @FND-106 @since-1.2.7 @CORE-105
  Scenario: A registration whose Patient lacks meta.profile is refused and registers nobody
    Given a patient on PDS who is not registered at the practice, in a registration that must be refused
    And the registration omits meta.profile
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

  @TKT-023 @FND-107 @since-1.2.7 @consumes-registrable-patients:1
  Scenario: A registration whose Patient declares meta.profile is accepted
    Given a patient on PDS who is not registered at the practice
    When the consumer registers the patient
    Then the response status should be 200
    And the returned patient should declare its GP Connect profile and a version
