# Source: GP Connect 1.2.7 release notes, ticket #695 (the cancellation reason belongs to Cancel only); obligations
# TKT-038, TKT-039, APT-107, APT-165.
@ticket-695 @release-1.2.7 @appointments @use-case-amend-an-appointment @writes
Feature: GPC-695 No cancellation reason in Book or Amend
  The cancellation-reason extension belongs to Cancel only: consumers must not send it when booking or amending. An
  amendment that adds it is a forbidden change (422 INVALID_RESOURCE); a booking that carries it must never create a
  cancelled appointment.

  @TKT-038 @TKT-002 @APT-165 @since-1.2.7 @consumes-free-slots:1
  Scenario: An amendment that adds a cancellation reason is refused
    Given an appointment the consumer has booked
    When the consumer amends the appointment adding a cancellation reason
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

  @TKT-039 @APT-107 @since-1.2.7
  Scenario: A booking that carries a cancellation reason never creates a cancelled appointment
    Given a patient who can be booked
    And a free slot found by searching for free slots
    When the consumer books the slot with a cancellation reason in the request
    Then the response should not be a cancelled appointment
