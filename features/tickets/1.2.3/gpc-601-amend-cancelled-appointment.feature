# Source: GP Connect 1.2.3 release notes, ticket #601 (a cancelled appointment can no longer be amended); obligations TKT-001 … TKT-003,
# and the 1.2.7 specification, Appointment Management — Amend an appointment (APT-166, APT-182).
@ticket-601 @release-1.2.3 @appointments @use-case-amend-an-appointment
Feature: GPC-601 A cancelled appointment cannot be amended
  From 1.2.3 a provider refuses to amend an appointment once it is cancelled, with 422 INVALID_RESOURCE, so a
  cancelled appointment can never be brought back or changed through GP Connect.

  @TKT-001 @APT-166 @since-1.2.3
  Scenario: Amending an appointment that was cancelled in the practice is refused
    Given a cancelled appointment
    And the consumer has read the appointment
    When the consumer amends the appointment's description
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

  @TKT-001 @APT-182 @writes @since-1.2.3 @consumes-free-slots:1
  Scenario: Amending an appointment the consumer has just cancelled is refused
    Given an appointment the consumer has booked
    And the consumer has cancelled the appointment
    When the consumer amends the appointment's description
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

  @TKT-003 @APT-154 @APT-157 @writes @since-1.2.3 @CORE-098 @consumes-free-slots:1
  Scenario: Amending a booked appointment still works
    Given an appointment the consumer has booked
    When the consumer amends the appointment's description
    Then the response status should be 200
    And the appointment's description should be the amended text
    And the appointment should have a new version
