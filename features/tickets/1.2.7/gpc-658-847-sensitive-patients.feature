# Source: GP Connect 1.2.7 release notes, tickets #658 and #847 (PDS sensitive patients); obligations TKT-019 … TKT-021.
@ticket-658 @ticket-847 @release-1.2.7 @foundations @use-case-find-a-patient
Feature: GPC-658/847 Patients marked sensitive on PDS are not disclosed, per endpoint
  Providers must not return any information about a patient whose PDS record carries the sensitive (S) flag. Each
  Foundations patient endpoint says so in its own way: Find a patient omits the patient (200, empty searchset, not an error);
  Read a patient answers 404 PATIENT_NOT_FOUND; Register a patient answers 400 INVALID_PATIENT_DEMOGRAPHICS.

  @TKT-019 @FND-050 @since-1.2.7 @CORE-120
  Scenario: Find a patient leaves a sensitive patient out of the Bundle
    Given a patient whose record is marked sensitive
    When the consumer finds the patient by NHS number
    Then the response status should be 200
    And the searchset Bundle should hold no entries

  @TKT-020 @FND-075 @since-1.2.7 @CORE-121
  Scenario: Read a patient answers patient not found for a sensitive patient
    Given a patient whose record is marked sensitive
    When the consumer reads the patient
    Then the response should be an OperationOutcome with Spine error code "PATIENT_NOT_FOUND"

  @TKT-021 @FND-097 @since-1.2.7 @writes @CORE-122
  Scenario: Register a patient refuses a patient marked sensitive on PDS
    Given a patient marked sensitive on PDS and unknown to the practice
    When the consumer registers the patient
    Then the response should be an OperationOutcome with Spine error code "INVALID_PATIENT_DEMOGRAPHICS"
