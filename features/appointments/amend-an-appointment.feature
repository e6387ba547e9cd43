# Source: GP Connect 1.2.7 specification, Appointment Management — Amend an appointment (and its versioning rules); obligations APT-154 … APT-176.
@appointments @use-case-amend-an-appointment @writes
Feature: Amend an appointment
  A consumer changes the description or comment of a future appointment: it reads the appointment, edits the
  representation in place and sends it back with PUT [base]/Appointment/[id], the update interaction id and If-Match
  set to the ETag it read. Nothing but description and comment may change; a stale If-Match is refused with 409.

  Background:
    Given an appointment the consumer has booked

  @APT-154 @APT-157 @APT-158 @APT-159 @since-1.2.7 @CORE-098 @consumes-free-slots:1
  Scenario: Amending the description stores the new text under a new version
    When the consumer amends the appointment's description
    Then the response status should be 200
    And the appointment's description should be the amended text
    And the appointment should have a new version
    And the appointment should carry one slot type

  @APT-163 @since-1.2.3 @consumes-free-slots:1
  Scenario: An amendment that also moves the start time is refused
    When the consumer amends the appointment changing its start
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

  @APT-162 @APT-163 @APT-164 @since-1.2.3 @CORE-035 @consumes-free-slots:1
  Scenario Outline: An amendment that changes anything else but description and comment is refused
    When the consumer amends the appointment changing its <element>
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | element     |
      | status      |
      | priority    |
      | participant |

  # GP Connect's FHIR resource guidance: references in a request are relative, and the body is the Appointment read;
  # absolute references or another resource type are refused as an invalid resource (NHS assurance expects the same).
  # (Each row books its own appointment, so the absolute references share one row.)
  @APT-163 @since-1.2.3 @consumes-free-slots:1
  Scenario Outline: An amendment <defect> is refused as an invalid resource
    When the consumer amends the appointment's description <defect>
    Then the response should be an OperationOutcome with Spine error code "INVALID_RESOURCE"

    Examples:
      | defect                                                      |
      | with absolute references to its patient, location and slot |
      | sent as a Bundle instead of an Appointment                  |

  @APT-168 @since-1.2.3 @CORE-085 @consumes-free-slots:1
  Scenario: An amendment made with an out-of-date version is refused with 409
    Given the consumer has amended the appointment's description
    When the consumer amends the appointment's description with the version it read before the last change
    Then the response status should be 409

  @APT-155 @since-1.2.3 @consumes-free-slots:1
  Scenario: Amending the comment stores the new text
    When the consumer amends the appointment's comment
    Then the response status should be 200
    And the appointment's comment should be the amended text

  @APT-160 @since-1.2.3 @consumes-free-slots:1
  Scenario: A 100-character description and a 500-character comment are stored untruncated
    When the consumer amends the appointment to a 100-character description and a 500-character comment
    Then the response status should be 200
    And the appointment's description and comment should be stored as sent

  @APT-172 @since-1.2.3 @consumes-free-slots:1
  Scenario: Amending an appointment id the practice does not hold is reported as not found
    Given an appointment id the practice does not hold
    When the consumer amends the appointment's description
    Then the response should be an OperationOutcome with Spine error code "NO_RECORD_FOUND"

  @APT-156 @since-1.2.3 @consumes-free-slots:1
  Scenario: Amending description and comment together stores both
    When the consumer amends the appointment's description and comment
    Then the response status should be 200
    And the appointment's description and comment should be stored as sent

  @APT-161 @since-1.2.3 @consumes-free-slots:1
  Scenario: An amendment with a description longer than the practice system can store is refused
    When the consumer amends the appointment to a 10000-character description and a 10-character comment
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none

  # Honouring Prefer is a SHOULD (CORE-100): a wrong status fails, a body sent anyway is a warning.
  @APT-175 @since-1.2.3 @CORE-100 @consumes-free-slots:1
  Scenario: An amendment that prefers a minimal return is answered without a body
    Given the request header "Prefer" is "return=minimal"
    When the consumer amends the appointment's description
    Then the response status should be 200 with no body

  @APT-167 @since-1.2.3 @consumes-free-slots:1
  Scenario: An appointment that started before today cannot be amended
    Given an appointment that started before today
    And the consumer holds that appointment as the practice recorded it
    When the consumer amends the appointment's description
    Then the provider should refuse it with "INVALID_RESOURCE", the code GP Connect's error guidance gives where the spec names none
