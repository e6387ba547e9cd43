# Source: GP Connect 1.2.7 specification, Appointment Management — Cancel an appointment (and its versioning rules); obligations APT-177 … APT-197.
@appointments @use-case-cancel-an-appointment @writes
Feature: Cancel an appointment
  A consumer cancels a future appointment: it reads the appointment, sets status to cancelled, adds the
  cancellation-reason extension and sends it back with PUT [base]/Appointment/[id], the cancel interaction id and
  If-Match. Nothing else may change; the cancelled appointment stays visible to read and retrieve.

  Background:
    Given an appointment the consumer has booked

  @APT-177 @APT-179 @APT-180 @since-1.2.7 @CORE-098 @consumes-free-slots:1
  Scenario: Cancelling stores the status and the reason under a new version
    When the consumer cancels the appointment
    Then the response status should be 200
    And the response should be an Appointment with status "cancelled"
    And the appointment should carry the cancellation reason that was sent
    And the appointment should have a new version
    And the appointment should carry one slot type

  @APT-173 @APT-183 @since-1.2.3 @CORE-035 @consumes-free-slots:1
  Scenario: A cancellation that also changes the description is refused
    When the consumer cancels the appointment also changing its description
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

  @APT-187 @since-1.2.3 @consumes-free-slots:1
  Scenario: A cancellation made with an out-of-date version is refused with 409
    Given the consumer has amended the appointment's description
    When the consumer cancels the appointment with the version it read before the last change
    Then the response status should be 409

  @APT-184 @APT-185 @since-1.2.3 @consumes-free-slots:1
  Scenario Outline: A cancellation that also changes other elements is refused
    When the consumer cancels the appointment also changing its <element>
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | element     |
      | comment     |
      | participant |

  @APT-191 @since-1.2.3 @consumes-free-slots:1
  Scenario: Cancelling an appointment id the practice does not hold is reported as not found
    Given an appointment id the practice does not hold
    When the consumer cancels the appointment
    Then the response should be an OperationOutcome with Spine error code "NO_RECORD_FOUND"

  @APT-195 @since-1.2.3 @consumes-free-slots:1
  Scenario: A 1000-character cancellation reason is accepted, kept whole or from its start
    When the consumer cancels the appointment giving a 1000-character reason
    Then the response status should be 200
    And the appointment should carry the cancellation reason that was sent

  @APT-178 @since-1.2.3 @consumes-free-slots:1
  Scenario: Cancelling changes nothing but the status and the cancellation reason
    When the consumer cancels the appointment
    Then the response status should be 200
    And everything but the status and the cancellation reason should be as it was before the cancellation

  @APT-192 @APT-193 @APT-194 @since-1.2.3 @consumes-free-slots:1
  Scenario Outline: A cancellation without a proper cancellation reason, or that leaves the status booked, is refused
    When the consumer cancels the appointment <defect>
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none

    Examples:
      | defect                                          |
      | with the cancellation reason under another URL |
      | with an empty cancellation reason               |
      | without a cancellation reason                   |
      | leaving its status booked                       |

  # GP Connect's FHIR resource guidance: references in a request are relative, and the body is the Appointment read;
  # absolute references or another resource type are refused as an invalid resource (NHS assurance expects the same).
  # (Each row books its own appointment, so the absolute references share one row.)
  @APT-185 @since-1.2.3 @consumes-free-slots:1
  Scenario Outline: A cancellation <defect> is refused as an invalid resource
    When the consumer cancels the appointment <defect>
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | defect                                                      |
      | with absolute references to its patient, location and slot |
      | sent as a Bundle instead of an Appointment                  |

  @APT-186 @since-1.2.3 @consumes-free-slots:1
  Scenario: An appointment that started before today cannot be cancelled
    Given an appointment that started before today
    And the consumer holds that appointment as the practice recorded it
    When the consumer cancels the appointment
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none
